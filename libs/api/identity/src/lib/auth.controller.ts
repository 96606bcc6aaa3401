import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig, Public, refuse, uuidParam } from '@bt/api/core';
import {
  ChangePasswordRequest,
  type CurrentUserDto,
  LoginRequest,
  SetLanguageRequest,
  type MeDto,
  SecondFactorCodeRequest,
  type SessionDto,
  type SignInOptionsDto,
  type SignInResultDto,
} from '@bt/contracts';
import { AuthService, type SignedIn } from './auth.service';
import { TooManyAttemptsException } from './login-throttle.service';
import { CurrentViewer, SecondFactorSetup } from './decorators';
import { Actor, actingFrom, ClientAddress } from './actor';
import type { IdentifiedRequest } from './http-request';
import { clearPendingSignInCookie, clearSessionCookie, PENDING_SIGN_IN_COOKIE, setPendingSignInCookie, setSessionCookie } from './identity-http';
import type { Viewer } from './viewer';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Signs in with e-mail and password; the session is an httpOnly cookie. For an account with a
   * second factor the answer is `{ secondFactorRequired: true }` instead, with the httpOnly
   * `bt_sign_in` cookie: the code goes to `POST /api/auth/login/second-factor` within 5 minutes.
   */
  @Public({ endedSessionWelcome: true })
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Signed in (the user, as `GET /api/auth/me`), or `{ "secondFactorRequired": true }`.' })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password (one answer for both).' })
  @ApiForbiddenResponse({ description: 'No X-XSRF-TOKEN header matching the XSRF-TOKEN cookie (which any GET hands out): no sign-in from another site.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'A body that is not JSON.' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failures for the account and address pair, the address or the account within 15 minutes; see Retry-After.',
  })
  async login(
    @Body() body: LoginRequest,
    @ClientAddress() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
    @Req() request: IdentifiedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResultDto> {
    return this.answerSignIn(request, reply, ip, () => this.auth.signInWithPassword(body.email, body.password, ip, userAgent ?? null));
  }

  /** The second step of signing in: a code from the authenticator app, or a recovery code (used up). */
  @Public({ endedSessionWelcome: true })
  @Post('login/second-factor')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Signed in: the user, as `GET /api/auth/me`.' })
  @ApiUnauthorizedResponse({ description: 'A wrong code (counted by the sign-in throttle), or no sign-in waiting (5 minutes; 5 wrong codes end it).' })
  @ApiTooManyRequestsResponse({ description: 'Too many failures for the account; see Retry-After.' })
  async secondFactor(
    @Body() body: SecondFactorCodeRequest,
    @ClientAddress() ip: string,
    @Req() request: IdentifiedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResultDto> {
    return this.answerSignIn(request, reply, ip, () => this.auth.completeSecondFactor(request.cookies[PENDING_SIGN_IN_COOKIE], body.code, ip));
  }

  /**
   * Who is signed in, for the web app's start: the user as `GET /api/auth/me` answers it, or `null`
   * for a visitor — a 200 either way, since a visitor is no error (a 401 here put an error in every
   * anonymous page's console). An ended session's cookie is cleared and answers `null` too.
   */
  @Public({ endedSessionWelcome: true })
  @SecondFactorSetup()
  @Get('current')
  @ApiOkResponse({ description: '`{ "me": … }` as `GET /api/auth/me`, or `{ "me": null }` for a visitor.' })
  async current(@CurrentViewer() viewer: (Viewer & { expiresAt: Date }) | null): Promise<CurrentUserDto> {
    return { me: viewer ? await this.auth.me(viewer.userId, viewer.sessionTokenHash, viewer.expiresAt) : null };
  }

  /** The signed-in user. */
  @SecondFactorSetup()
  @Get('me')
  @ApiOkResponse({ description: 'The signed-in user with roles, session lifetime, second factor and number of other sessions.' })
  async me(@CurrentViewer() viewer: Viewer & { expiresAt: Date }): Promise<MeDto> {
    return this.auth.me(viewer.userId, viewer.sessionTokenHash, viewer.expiresAt);
  }

  /** The language of the app for this user, wherever they sign in (en, sr-Latn, sr-Cyrl). */
  @SecondFactorSetup()
  @Put('language')
  @HttpCode(204)
  @ApiNoContentResponse()
  async setLanguage(@Body() body: SetLanguageRequest, @Actor() actor: Actor): Promise<void> {
    await this.auth.setLanguage(actor, body.language);
  }

  /** This user's live sessions (browsers and devices), this one first. */
  @SecondFactorSetup()
  @Get('sessions')
  sessions(@CurrentViewer() viewer: Viewer): Promise<SessionDto[]> {
    return this.auth.sessionsOf(viewer);
  }

  /** Ends one of this user's other sessions (this one: `POST /api/auth/logout`). */
  @SecondFactorSetup()
  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiNotFoundResponse({ description: 'No such session of this user (or it is this one).' })
  async endSession(@Param('id', uuidParam()) id: string, @Actor() actor: Actor): Promise<void> {
    if (!(await this.auth.endSession(actor, id))) throw refuse.notFound('auth.session-not-found', { id });
  }

  /** Ends every other session of this user; this one stays. */
  @SecondFactorSetup()
  @Post('sessions/end-others')
  @HttpCode(204)
  async endOtherSessions(@Actor() actor: Actor): Promise<void> {
    await this.auth.endOtherSessions(actor);
  }

  @SecondFactorSetup()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@Actor() actor: Actor, @Req() request: IdentifiedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.signOut(actor, false);
    clearSessionCookie(request, reply);
  }

  /** Ends every session of this user, on every device. */
  @SecondFactorSetup()
  @Post('logout-everywhere')
  @HttpCode(204)
  async logoutEverywhere(@Actor() actor: Actor, @Req() request: IdentifiedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.signOut(actor, true);
    clearSessionCookie(request, reply);
  }

  /** Changes the signed-in user's password (at least 12 characters); other sessions end. */
  @Post('password')
  @HttpCode(204)
  async changePassword(@Actor() actor: Actor, @Body() body: ChangePasswordRequest): Promise<void> {
    await this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }

  /** Signs the browser in (or asks for the second factor); the 429's Retry-After. */
  private async answerSignIn(
    request: IdentifiedRequest,
    reply: FastifyReply,
    ip: string,
    signIn: () => Promise<SignedIn | { pendingToken: string; expiresAt: Date }>,
  ): Promise<SignInResultDto> {
    try {
      const outcome = await signIn();
      if ('pendingToken' in outcome) {
        setPendingSignInCookie(request, reply, outcome.pendingToken, outcome.expiresAt);
        return { secondFactorRequired: true };
      }
      // Signing in again in this browser replaces its session: the previous one ends rather than lingering valid.
      if (request.sessionViewer) await this.auth.signOut(actingFrom(request.sessionViewer, ip), false);
      clearPendingSignInCookie(reply);
      setSessionCookie(request, reply, outcome.token, outcome.expiresAt);
      return outcome.me;
    } catch (error) {
      if (error instanceof TooManyAttemptsException) reply.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  /** The sign-in methods on offer. */
  @Public({ endedSessionWelcome: true })
  @Get('options')
  options(): SignInOptionsDto {
    return { password: true, oidc: { enabled: this.config.oidc !== null, label: this.config.oidc?.label ?? '' } };
  }
}
