import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig, Public } from '@bt/api/core';
import { ChangePasswordRequest, LoginRequest, type MeDto, type SignInOptionsDto } from '@bt/contracts';
import { AuthService, TooManyAttemptsException } from './auth.service';
import { CurrentViewer } from './decorators';
import type { IdentifiedRequest } from './http-request';
import { clearSessionCookie, setSessionCookie } from './identity-http';
import type { Viewer } from './viewer';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Signs in with e-mail and password; the session is an httpOnly cookie. */
  @Public({ endedSessionWelcome: true })
  @Post('login')
  @HttpCode(200)
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password (one answer for both).' })
  @ApiForbiddenResponse({ description: 'No X-XSRF-TOKEN header matching the XSRF-TOKEN cookie (which any GET hands out): no sign-in from another site.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'A body that is not JSON.' })
  @ApiTooManyRequestsResponse({ description: '5 failures for the account or the address within 15 minutes; see Retry-After.' })
  async login(@Body() body: LoginRequest, @Req() request: IdentifiedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeDto> {
    try {
      const signedIn = await this.auth.signInWithPassword(body.email, body.password, request.ip, request.headers['user-agent'] ?? null);
      // Signing in again in this browser replaces its session: the previous one ends rather than lingering valid.
      if (request.user) await this.auth.signOut(request.user, request.ip, false);
      setSessionCookie(request, reply, signedIn.token, signedIn.expiresAt);
      return signedIn.me;
    } catch (error) {
      if (error instanceof TooManyAttemptsException) reply.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  /** The signed-in user. */
  @Get('me')
  @ApiOkResponse({ description: 'The signed-in user with roles and session lifetime.' })
  async me(@CurrentViewer() viewer: Viewer & { expiresAt: Date }): Promise<MeDto> {
    return this.auth.me(viewer.userId, viewer.expiresAt);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@CurrentViewer() viewer: Viewer, @Req() request: IdentifiedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.signOut(viewer, request.ip, false);
    clearSessionCookie(request, reply);
  }

  /** Ends every session of this user, on every device. */
  @Post('logout-everywhere')
  @HttpCode(204)
  async logoutEverywhere(@CurrentViewer() viewer: Viewer, @Req() request: IdentifiedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.signOut(viewer, request.ip, true);
    clearSessionCookie(request, reply);
  }

  /** Changes the signed-in user's password (at least 12 characters); other sessions end. */
  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentViewer() viewer: Viewer, @Body() body: ChangePasswordRequest, @Req() request: IdentifiedRequest): Promise<void> {
    await this.auth.changePassword(viewer, body.currentPassword, body.newPassword, request.ip);
  }

  /** The sign-in methods on offer. */
  @Public({ endedSessionWelcome: true })
  @Get('options')
  options(): SignInOptionsDto {
    return { password: true, oidc: { enabled: this.config.oidc !== null, label: this.config.oidc?.label ?? '' } };
  }
}
