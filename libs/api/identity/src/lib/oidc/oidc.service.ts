import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type * as OpenId from 'openid-client';
import { DataSource } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { APP_CONFIG, type AppConfig, type OidcConfig, onFirstUse, refuse } from '@bt/api/core';
import { type AwaitingSecondFactor, AuthService, type SignedIn } from '../auth.service';
import { SecondFactorService } from '../second-factor/second-factor.service';
import { SettingsService } from '../settings.service';
import { User } from '../user.entity';
import { OidcFlow } from './oidc-flow.entity';
import { safeReturnTo } from './return-to';

/** openid-client, required when sign-in through an OpenID provider is first used (onFirstUse): only with OIDC_ISSUER set. */
const openId = onFirstUse(() => require('openid-client') as typeof OpenId);

/** The cookie binding a browser to its flow; it holds the flow's id. */
export const OIDC_FLOW_COOKIE = 'bt_oidc';
export const OIDC_FLOW_MINUTES = 10;
const SCOPE = 'openid email profile';

/** What the sign-in page is told when single sign-on is refused (`/sign-in?error=…`). */
export type SsoError = 'sso_failed' | 'sso_unknown_account' | 'sso_disabled';

export type SsoOutcome = { signedIn: SignedIn | AwaitingSecondFactor; returnTo: string } | { error: SsoError };

/** A refused sign-in: what the browser is told, and the reason the audit trail keeps. */
class SsoRefused extends Error {
  constructor(
    readonly code: SsoError,
    readonly reason: string,
    readonly email: string | null = null,
    readonly userId: string | null = null,
  ) {
    super(reason);
  }
}

interface VerifiedIdentity {
  email: string;
  displayName: string;
  /** The provider says it checked more than one factor (the ID token's `amr`, RFC 8176). */
  multiFactor: boolean;
}

/** RFC 8176 methods that prove something held or something one is, beyond a password. */
const POSSESSION_OR_INHERENCE = ['otp', 'hwk', 'swk', 'sc', 'sms', 'tel', 'fpt', 'face', 'iris', 'retina', 'vbm'];

/**
 * Whether an ID token's `amr` (authentication methods references, RFC 8176) shows more than one
 * factor: `mfa` itself, or a possession or inherence method beside another one (`pwd` + `otp`);
 * two knowledge or risk methods (`pwd` + `kba`, `rba`) are not a second factor.
 */
export function amrShowsMultiFactor(amr: unknown): boolean {
  if (!Array.isArray(amr)) return false;
  const methods = new Set(amr.filter((m): m is string => typeof m === 'string'));
  if (methods.has('mfa')) return true;
  return methods.size >= 2 && [...methods].some((m) => POSSESSION_OR_INHERENCE.includes(m));
}

/**
 * Single sign-on with OpenID Connect (authorization code flow with PKCE, state and nonce). The
 * provider proves who someone is; the account, its organisation and roles are ours: a verified
 * e-mail address is matched to an existing account, or — if an admin enabled it — a new account
 * without roles is created in one organisation. Every check on the provider's answer (state, issuer,
 * audience, signature, nonce, expiry, the code's single use) is openid-client's and the provider's.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('Oidc');
  /** The provider's client, discovered on first use; a failed discovery is retried on the next sign-in. */
  private discovery: Promise<OpenId.BaseClient> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly secondFactor: SecondFactorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts a sign-in: stores the flow's secrets and answers the provider URL to send the browser to. */
  async begin(returnTo: unknown): Promise<{ flowId: string; url: string }> {
    const config = this.configured();
    let client: OpenId.BaseClient;
    try {
      client = await this.client(config);
    } catch (error) {
      this.logger.warn(`discovery of ${config.issuer} failed: ${error instanceof Error ? error.message : String(error)}`);
      throw refuse.unavailable('auth.provider-unavailable', { provider: config.label });
    }
    const flow = {
      id: randomBytes(32).toString('base64url'),
      state: openId().generators.state(),
      nonce: openId().generators.nonce(),
      codeVerifier: openId().generators.codeVerifier(),
      returnTo: safeReturnTo(returnTo),
    };
    await this.dataSource.query('DELETE FROM oidc_flow WHERE created_at < now() - make_interval(mins => $1)', [OIDC_FLOW_MINUTES]);
    await this.dataSource.getRepository(OidcFlow).insert(flow);
    const url = client.authorizationUrl({
      scope: SCOPE,
      redirect_uri: config.redirectUrl,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: openId().generators.codeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { flowId: flow.id, url };
  }

  /**
   * Finishes a sign-in from the provider's redirect (`callbackUrl`, the request's path and query).
   * Never throws for anything a browser or provider sends: a refusal is audited and answered as an error code.
   */
  async complete(flowId: string | undefined, callbackUrl: string, ip: string, userAgent: string | null): Promise<SsoOutcome> {
    const config = this.configured();
    try {
      const flow = await this.consume(flowId);
      const client = await this.client(config).catch(() => {
        throw new SsoRefused('sso_failed', 'identity provider unreachable');
      });
      const tokens = await client.callback(config.redirectUrl, client.callbackParams(callbackUrl), {
        state: flow.state,
        nonce: flow.nonce,
        code_verifier: flow.codeVerifier,
        response_type: 'code',
      });
      const identity = await this.verifiedIdentity(client, tokens);
      return { signedIn: await this.signIn(identity, ip, userAgent), returnTo: safeReturnTo(flow.returnTo) };
    } catch (error) {
      const refusal = error instanceof SsoRefused ? error : new SsoRefused('sso_failed', this.describe(error));
      await this.audit.recordAlone(
        { id: refusal.userId, label: refusal.email, ip },
        {
          action: 'auth.sign_in_failed',
          entityType: 'user',
          entityId: refusal.userId,
          data: { method: 'oidc', reason: refusal.reason, email: refusal.email },
        },
      );
      return { error: refusal.code };
    }
  }

  private configured(): OidcConfig {
    if (!this.config.oidc) throw refuse.notFound('auth.single-sign-on-off');
    return this.config.oidc;
  }

  private client(config: OidcConfig): Promise<OpenId.BaseClient> {
    if (!this.discovery) {
      const attempt = openId()
        .Issuer.discover(config.issuer)
        .then((issuer) => {
          const methods = issuer.metadata.token_endpoint_auth_methods_supported;
          const client = new issuer.Client({
            client_id: config.clientId,
            client_secret: config.clientSecret,
            redirect_uris: [config.redirectUrl],
            response_types: ['code'],
            token_endpoint_auth_method:
              methods && !methods.includes('client_secret_basic') && methods.includes('client_secret_post') ? 'client_secret_post' : 'client_secret_basic',
          });
          // A few seconds of clock skew between us and the provider must not refuse a fresh ID token.
          client[openId().custom.clock_tolerance] = 10;
          return client;
        });
      this.discovery = attempt;
      attempt.catch(() => {
        if (this.discovery === attempt) this.discovery = null;
      });
    }
    return this.discovery;
  }

  /** Takes the flow out of the table (single use) and refuses one past its ten minutes. */
  private async consume(flowId: string | undefined): Promise<OidcFlow> {
    if (!flowId) throw new SsoRefused('sso_failed', 'no sign-in in progress in this browser (no flow cookie)');
    const [rows] = (await this.dataSource.query(
      `DELETE FROM oidc_flow WHERE id = $1
       RETURNING state, nonce, code_verifier, return_to, created_at > now() - make_interval(mins => $2) AS fresh`,
      [flowId, OIDC_FLOW_MINUTES],
    )) as [{ state: string; nonce: string; code_verifier: string; return_to: string; fresh: boolean }[], number];
    const row = rows[0];
    if (!row) throw new SsoRefused('sso_failed', 'unknown or already used sign-in flow');
    if (!row.fresh) throw new SsoRefused('sso_failed', `sign-in flow older than ${OIDC_FLOW_MINUTES} minutes`);
    return Object.assign(new OidcFlow(), { id: flowId, state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to });
  }

  /**
   * The e-mail address the provider vouches for. Many providers put it only in the userinfo answer
   * (the ID token of the code flow needs not carry it); openid-client checks that answer is about
   * the ID token's subject.
   */
  private async verifiedIdentity(client: OpenId.BaseClient, tokens: OpenId.TokenSet): Promise<VerifiedIdentity> {
    const idToken = tokens.claims();
    const claims: OpenId.UnknownObject = typeof idToken.email === 'string' ? idToken : await client.userinfo(tokens);
    const email = typeof claims['email'] === 'string' ? claims['email'].trim().toLowerCase() : '';
    if (!email || email.length > 254 || !email.includes('@')) throw new SsoRefused('sso_failed', 'the provider gave no e-mail address');
    if (claims['email_verified'] !== true) throw new SsoRefused('sso_failed', 'e-mail address not verified by the provider', email);
    return { email, displayName: displayNameOf(claims, email), multiFactor: amrShowsMultiFactor(idToken.amr) };
  }

  /**
   * Matches or (when enabled) creates the account, then opens the session — or, for an account with
   * its own second factor when the provider checked only one, asks for its code: one transaction.
   */
  private signIn(identity: VerifiedIdentity, ip: string, userAgent: string | null): Promise<SignedIn | AwaitingSecondFactor> {
    const { email } = identity;
    return this.dataSource.transaction(async (em) => {
      let user = await em.findOneBy(User, { email });
      if (!user) {
        const organisationId = (await this.settings.get()).oidcSelfProvisioningOrganisationId;
        if (!organisationId) throw new SsoRefused('sso_unknown_account', 'unknown account', email);
        user = await em.save(
          em.create(User, { email, displayName: identity.displayName, organisationId, passwordHash: null, disabledAt: null, lastSignInAt: null }),
        );
        await this.audit.record(
          em,
          { id: user.id, label: email, ip },
          {
            action: 'user.created',
            entityType: 'user',
            entityId: user.id,
            data: { via: 'oidc', after: { email, displayName: user.displayName, organisationId, roles: [] } },
          },
        );
      }
      if (user.disabledAt) throw new SsoRefused('sso_disabled', 'disabled account', email, user.id);
      if (identity.multiFactor) return this.auth.startSession(em, user, 'oidc', ip, userAgent, 'provider');
      if (await this.secondFactor.isEnrolled(em, user.id)) return this.auth.awaitSecondFactor(em, user, 'oidc', ip, userAgent);
      return this.auth.startSession(em, user, 'oidc', ip, userAgent, null);
    });
  }

  /** The audit trail's reason for a refusal the library or the provider decided. */
  private describe(error: unknown): string {
    if (error instanceof openId().errors.OPError) return `provider refused: ${error.message}`.slice(0, 300);
    if (error instanceof openId().errors.RPError) return `response rejected: ${error.message}`.slice(0, 300);
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && /^(ECONN|ENOTFOUND|EAI_|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)/.test(code)) return 'identity provider unreachable';
    this.logger.error('single sign-on failed unexpectedly', error instanceof Error ? error.stack : String(error));
    return 'unexpected error (logged)';
  }
}

function displayNameOf(claims: OpenId.UnknownObject, email: string): string {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const name =
    text(claims['name']) || [text(claims['given_name']), text(claims['family_name'])].filter(Boolean).join(' ') || email.slice(0, email.indexOf('@'));
  return name.slice(0, 200);
}
