import { amrShowsMultiFactor } from './oidc.service';

describe("the provider's authentication methods (amr, RFC 8176)", () => {
  it('count as a second factor only with mfa, or something held or something one is beside another method', () => {
    expect(amrShowsMultiFactor(['mfa'])).toBe(true);
    expect(amrShowsMultiFactor(['pwd', 'otp'])).toBe(true);
    expect(amrShowsMultiFactor(['pwd', 'hwk'])).toBe(true);
    expect(amrShowsMultiFactor(['pwd', 'kba'])).toBe(false);
    expect(amrShowsMultiFactor(['pwd', 'rba'])).toBe(false);
    expect(amrShowsMultiFactor(['otp'])).toBe(false);
    expect(amrShowsMultiFactor(['pwd'])).toBe(false);
    expect(amrShowsMultiFactor('mfa')).toBe(false);
    expect(amrShowsMultiFactor(undefined)).toBe(false);
  });
});
