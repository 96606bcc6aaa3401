import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNotFoundResponse, ApiQuery, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@bt/api/core';
import { ClientAddress } from '../actor';
import { setPendingSignInCookie, setSessionCookie } from '../identity-http';
import { OIDC_FLOW_COOKIE, OIDC_FLOW_MINUTES, OidcService } from './oidc.service';

/** The flow cookie goes only to these routes. */
const FLOW_COOKIE_PATH = '/api/auth/oidc';

/** Single sign-on: the browser is sent to the institution's identity provider and comes back here. */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcService) {}

  /** Sends the browser to the identity provider to sign in; afterwards it comes back to `returnTo`. */
  @Public({ endedSessionWelcome: true })
  @Get('login')
  @ApiQuery({ name: 'returnTo', required: false, type: String, description: 'A path of this site to return to after signing in (default /).' })
  @ApiFoundResponse({ description: "To the provider's authorization endpoint; sets the httpOnly `bt_oidc` flow cookie." })
  @ApiNotFoundResponse({ description: 'Single sign-on is not configured.' })
  @ApiServiceUnavailableResponse({ description: 'The identity provider does not answer.' })
  async login(@Query('returnTo') returnTo: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { flowId, url } = await this.oidc.begin(returnTo);
    reply.setCookie(OIDC_FLOW_COOKIE, flowId, {
      path: FLOW_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      maxAge: OIDC_FLOW_MINUTES * 60,
    });
    void reply.header('Cache-Control', 'no-store').redirect(url, 302);
  }

  /** Where the identity provider sends the browser back: signs in and goes on, or to the sign-in page with an error. */
  @Public({ endedSessionWelcome: true })
  @Get('callback')
  @ApiQuery({ name: 'code', required: false, type: String, description: 'From the provider: the authorization code.' })
  @ApiQuery({ name: 'state', required: false, type: String, description: 'From the provider: the state this flow sent.' })
  @ApiQuery({ name: 'error', required: false, type: String, description: 'From the provider, instead of a code: why it did not sign the user in.' })
  @ApiFoundResponse({
    description:
      'Signed in (session cookie set): to `returnTo`. An account with its own second factor, when the provider reports a single factor (`amr`): to `/sign-in?step=second-factor`. Refused: to `/sign-in?error=sso_failed|sso_unknown_account|sso_disabled`.',
  })
  @ApiNotFoundResponse({ description: 'Single sign-on is not configured.' })
  async callback(
    @ClientAddress() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const outcome = await this.oidc.complete(request.cookies[OIDC_FLOW_COOKIE], request.raw.url ?? '', ip, userAgent ?? null);
    reply.clearCookie(OIDC_FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
    if ('error' in outcome) {
      void reply.header('Cache-Control', 'no-store').redirect(`/sign-in?error=${outcome.error}`, 302);
      return;
    }
    const { signedIn } = outcome;
    if ('pendingToken' in signedIn) {
      // The account has its own second factor and the provider checked only one: the sign-in page asks for the code.
      setPendingSignInCookie(request, reply, signedIn.pendingToken, signedIn.expiresAt);
      void reply.header('Cache-Control', 'no-store').redirect(`/sign-in?step=second-factor&returnTo=${encodeURIComponent(outcome.returnTo)}`, 302);
      return;
    }
    setSessionCookie(request, reply, signedIn.token, signedIn.expiresAt);
    void reply.header('Cache-Control', 'no-store').redirect(outcome.returnTo, 302);
  }
}
