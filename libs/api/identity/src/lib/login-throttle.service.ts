import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { Refusal } from '@bt/api/core';
import { refusal } from '@bt/contracts';

export const WINDOW_MINUTES = 15;
/** Failures for one account from one address (someone's typos, or a guesser on one machine). */
export const MAX_PAIR_FAILURES = 5;
/** Failures from one address, whatever the accounts: generous, so one office's typos lock no colleague. */
export const MAX_ADDRESS_FAILURES = 30;
/** Failures for one account from anywhere: past this, only addresses it signed in from before get in, and after a delay. */
export const MAX_ACCOUNT_FAILURES = 10;
/** The longest delay for an account's owner on a known address while its password is being guessed. */
export const MAX_OWNER_DELAY_SECONDS = 60;

export type ThrottleScope = 'account and address' | 'address' | 'account';

/** 429 to a sign-in heard while throttled; the controller sends its Retry-After. */
export class TooManyAttemptsException extends Refusal {
  constructor(readonly retryAfterSeconds: number) {
    super(HttpStatus.TOO_MANY_REQUESTS, refusal('auth.too-many-failed-sign-ins', { minutes: Math.ceil(retryAfterSeconds / 60) }));
  }
}

/** A failed proof of identity (a wrong password or a wrong second-factor code), as the audit trail records it. */
export interface SignInFailure {
  email: string;
  ip: string;
  userId: string | null;
  action: 'auth.sign_in_failed' | 'auth.second_factor_failed';
  data: Record<string, unknown>;
}

/**
 * Password guessing is slowed per account and address pair, with a ceiling per address and a
 * limit per account — without letting an attacker lock out the legitimate user (NIST SP 800-63B
 * §5.2.2): failures for one account from one address never block that account elsewhere or other
 * accounts from that address; when an account is guessed at from many addresses, its owner signing
 * in from an address it used before only waits a progressive delay (2, 4, … 60 s); single sign-on is
 * never throttled here.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Refuses (429, counted) an attempt heard while throttled; otherwise lets it through. */
  async admit(email: string, ip: string): Promise<void> {
    const retryAfter = await this.retryAfter(email, ip);
    if (retryAfter > 0) {
      // Counted, not audited each: the lock itself was audited when it began.
      await this.countRefusal(email, ip);
      throw new TooManyAttemptsException(retryAfter);
    }
  }

  /** Records a failure and audits it — and, once, each lock it starts — in one transaction. */
  async failed(failure: SignInFailure): Promise<void> {
    await this.dataSource.transaction((em) => this.failedIn(em, failure));
  }

  /** The same inside the caller's transaction (one that holds the account's lock while it checks a code). */
  async failedIn(em: EntityManager, failure: SignInFailure): Promise<void> {
    const actor = { id: failure.userId, label: failure.email, ip: failure.ip };
    const locked = await this.recordFailure(em, failure.email, failure.ip);
    await this.audit.record(em, actor, {
      action: failure.action,
      entityType: 'user',
      entityId: failure.userId,
      data: { email: failure.email, ...failure.data },
    });
    for (const lock of locked) {
      await this.audit.record(em, actor, {
        action: 'auth.sign_in_locked',
        entityType: 'user',
        entityId: failure.userId,
        data: { email: failure.email, ...lock },
      });
    }
  }

  /** Seconds to wait before this attempt for this e-mail from this address is heard, or 0. */
  async retryAfter(email: string, ip: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `WITH recent AS (SELECT email, ip, occurred_at FROM login_failure WHERE (email = $1 OR ip = $2) AND occurred_at > now() - make_interval(mins => $3))
       SELECT
         (SELECT extract(epoch FROM occurred_at + make_interval(mins => $3) - now()) FROM recent WHERE email = $1 AND ip = $2 ORDER BY occurred_at DESC OFFSET $4 - 1 LIMIT 1)::float8 AS pair_wait,
         (SELECT extract(epoch FROM occurred_at + make_interval(mins => $3) - now()) FROM recent WHERE ip = $2 ORDER BY occurred_at DESC OFFSET $5 - 1 LIMIT 1)::float8 AS address_wait,
         (SELECT extract(epoch FROM occurred_at + make_interval(mins => $3) - now()) FROM recent WHERE email = $1 ORDER BY occurred_at DESC OFFSET $6 - 1 LIMIT 1)::float8 AS account_wait,
         (SELECT count(*) FROM recent WHERE email = $1)::int AS account_failures,
         (SELECT extract(epoch FROM now() - max(occurred_at)) FROM recent WHERE email = $1)::float8 AS since_last_account_failure,
         EXISTS (SELECT 1 FROM known_sign_in_address k JOIN app_user u ON u.id = k.user_id WHERE u.email = $1 AND k.ip = $2) AS known_address`,
      [email, ip, WINDOW_MINUTES, MAX_PAIR_FAILURES, MAX_ADDRESS_FAILURES, MAX_ACCOUNT_FAILURES],
    );
    const waits = [row.pair_wait, row.address_wait].filter((w: number | null): w is number => w !== null && w > 0);
    if (row.account_wait !== null && row.account_wait > 0) {
      if (row.known_address) {
        const delay = Math.min(2 ** (row.account_failures - MAX_ACCOUNT_FAILURES + 1), MAX_OWNER_DELAY_SECONDS);
        const left = delay - (row.since_last_account_failure as number);
        if (left > 0) waits.push(left);
      } else {
        waits.push(row.account_wait);
      }
    }
    return waits.length ? Math.ceil(Math.max(...waits)) : 0;
  }

  /**
   * Records a failure; answers the scopes this failure has just locked (their limit reached now),
   * so that the lock — not every refused attempt after it — is what the audit trail records.
   */
  async recordFailure(em: EntityManager, email: string, ip: string): Promise<{ scope: ThrottleScope; failures: number }[]> {
    await em.query('INSERT INTO login_failure (email, ip, occurred_at) VALUES ($1, $2, now())', [email, ip]);
    const [counts] = await em.query(
      `SELECT count(*) FILTER (WHERE email = $1 AND ip = $2)::int AS pair, count(*) FILTER (WHERE ip = $2)::int AS address, count(*) FILTER (WHERE email = $1)::int AS account
         FROM login_failure WHERE (email = $1 OR ip = $2) AND occurred_at > now() - make_interval(mins => $3)`,
      [email, ip, WINDOW_MINUTES],
    );
    const reached: { scope: ThrottleScope; failures: number }[] = [];
    if (counts.pair === MAX_PAIR_FAILURES) reached.push({ scope: 'account and address', failures: counts.pair });
    if (counts.address === MAX_ADDRESS_FAILURES) reached.push({ scope: 'address', failures: counts.address });
    if (counts.account === MAX_ACCOUNT_FAILURES) reached.push({ scope: 'account', failures: counts.account });
    return reached;
  }

  /** Counts an attempt refused while throttled: a number per day, account and address, not an audit event each. */
  async countRefusal(email: string, ip: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_refusal (day, email, ip, refused) VALUES (current_date, $1, $2, 1)
       ON CONFLICT (day, email, ip) DO UPDATE SET refused = login_refusal.refused + 1`,
      [email, ip],
    );
  }

  /** A successful sign-in: this account's failures are forgotten, and the address is one its owner uses. */
  async signedIn(em: EntityManager, userId: string, email: string, ip: string): Promise<void> {
    await this.clear(em, email);
    await em.query(
      `INSERT INTO known_sign_in_address (user_id, ip, last_signed_in_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id, ip) DO UPDATE SET last_signed_in_at = now()`,
      [userId, ip],
    );
  }

  /** Forgets an account's failures (a successful sign-in, or an admin's unlock); answers how many. */
  async clear(em: EntityManager, email: string): Promise<number> {
    const [, affected] = await em.query('DELETE FROM login_failure WHERE email = $1', [email]);
    return Number(affected ?? 0);
  }
}
