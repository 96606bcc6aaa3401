import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'bt:public';

export interface PublicOptions {
  /**
   * Answer even when the request carries a session cookie that has ended (the sign-in routes).
   * Elsewhere such a request gets 401, so the browser learns at once that its session is over.
   */
  endedSessionWelcome?: boolean;
  /**
   * A POST without the XSRF token: only for a route whose request carries its own unguessable proof
   * (the signed token of a one-click unsubscribe, which a mail client sends without any cookie).
   */
  ownProof?: boolean;
}

/** Open to anyone, signed in or not. Every route without it needs a signed-in user (see AccessGuard). */
export const Public = (options: PublicOptions = {}) => SetMetadata(IS_PUBLIC, { endedSessionWelcome: false, ownProof: false, ...options });
