// A real OpenID Connect provider (`oidc-provider`) on loopback, for the single-sign-on tests. It runs
// as a child process because oidc-provider is ESM only while jest runs the suites as CommonJS.
//
//   node tools/testing/oidc-provider.mjs '<clients as JSON>'     (or the clients in OIDC_PROVIDER_CLIENTS)
//
// Clients: a JSON array of oidc-provider client metadata, e.g.
//   [{"client_id": "benchmark-tracker", "client_secret": "…", "redirect_uris": ["http://127.0.0.1:4000/api/auth/oidc/callback"]}]
// (grant type authorization_code and response type code unless given). Prints {"issuer": "…"} on
// stdout once it listens on a free port of 127.0.0.1; stops on SIGTERM, SIGINT or when its parent goes.
//
// Sign-in uses oidc-provider's development interactions: a login form that takes any login id (the
// password is ignored), then a consent form. The login id decides the account's claims:
//   <name>               email <name>@<domain>, email_verified true (OIDC_PROVIDER_EMAIL_DOMAIN, default demo.test)
//   <name>@<host>        that e-mail address as it is, verified
//   unverified:<login>   the same e-mail as <login>, but email_verified false
//   noemail:<login>      no e-mail claims at all
//   mfa:<login>          the same claims as <login>, and the ID token's `amr` says two factors (["pwd", "otp"])
// Like most providers (and the OIDC core spec's default), the ID token of the code flow carries no
// profile or e-mail claims: the relying party reads them from the userinfo endpoint.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const clients = JSON.parse(process.argv[2] ?? process.env.OIDC_PROVIDER_CLIENTS ?? '[]').map((client) => ({
  grant_types: ['authorization_code'],
  response_types: ['code'],
  ...client,
}));
if (clients.length === 0) {
  console.error('oidc-provider.mjs: give the clients as JSON, as the first argument or in OIDC_PROVIDER_CLIENTS');
  process.exit(2);
}
const emailDomain = process.env.OIDC_PROVIDER_EMAIL_DOMAIN ?? 'demo.test';

/** The claims of the account behind a login id (see the header). */
function claimsOf(accountId, domain = emailDomain) {
  let login = accountId;
  let emailVerified = true;
  let withEmail = true;
  for (;;) {
    if (login.startsWith('unverified:')) [login, emailVerified] = [login.slice('unverified:'.length), false];
    else if (login.startsWith('noemail:')) [login, withEmail] = [login.slice('noemail:'.length), false];
    else if (login.startsWith('mfa:')) login = login.slice('mfa:'.length);
    else break;
  }
  const email = login.includes('@') ? login : `${login}@${domain}`;
  const local = email.slice(0, email.indexOf('@'));
  const name = local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
  return { sub: accountId, name, ...(withEmail ? { email, email_verified: emailVerified } : {}) };
}

const server = createServer();
await new Promise((resolveListening) => server.listen(0, '127.0.0.1', resolveListening));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients,
  async findAccount(_ctx, accountId) {
    return { accountId, claims: async () => claimsOf(accountId) };
  },
  // amr reaches the ID token only as a claim of the openid scope.
  claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
});
// Make the provider's refusals visible in the test's output when a test fails.
for (const event of ['server_error', 'grant.error', 'authorization.error', 'userinfo.error']) {
  provider.on(event, (_ctx, error) =>
    console.error(`oidc-provider ${event}: ${error?.message ?? error}${error?.error_detail ? ` (${error.error_detail})` : ''}`),
  );
}
// The development login form knows one factor; `mfa:` login ids report two, as a provider with MFA would (RFC 8176).
const interactionFinished = provider.interactionFinished.bind(provider);
provider.interactionFinished = (req, res, result, options) => {
  if (result?.login?.accountId?.startsWith('mfa:')) result = { ...result, login: { ...result.login, amr: ['pwd', 'otp'] } };
  return interactionFinished(req, res, result, options);
};
server.on('request', provider.callback());

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
