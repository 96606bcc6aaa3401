import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditActor, AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import type { RecoveryCodesDto, Role, SecondFactorStatusDto, TotpEnrolmentDto } from '@bt/contracts';
import { LoginThrottleService } from '../login-throttle.service';
import { SessionService } from '../session.service';
import { SettingsService } from '../settings.service';
import { SECOND_FACTOR_ROLES } from './second-factor-roles';
import { type Actor, auditActor } from '../actor';
import type { Viewer } from '../viewer';
import { acceptedTimeStep, looksLikeRecoveryCode, newRecoveryCodes, newTotpSecret, qrCodePath, recoveryCodeHash, totpUri } from './totp';

/** How a session's second factor was proven: an authenticator code, a recovery code, or the identity provider. */
export type SecondFactorProof = 'totp' | 'recovery_code' | 'provider';

/**
 * The second factor of an account: TOTP with single-use recovery codes, any account may set it up,
 * and the identity settings can require it of admins and Commission users. Every change is audited;
 * every code checked for a signed-in user counts in the sign-in throttle like a password would, so a
 * stolen session cannot guess its way to switching the factor off.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** Whether the settings require a second factor of someone holding these roles. */
  async requiredFor(roles: Iterable<Role>): Promise<boolean> {
    return (await this.settings.get()).secondFactorRequired && [...roles].some((role) => SECOND_FACTOR_ROLES.includes(role));
  }

  async isEnrolled(em: EntityManager, userId: string): Promise<boolean> {
    const [row] = await em.query('SELECT totp_enrolled_at IS NOT NULL AS enrolled FROM app_user WHERE id = $1', [userId]);
    return !!row?.enrolled;
  }

  async status(viewer: Viewer): Promise<SecondFactorStatusDto> {
    const [row] = await this.dataSource.query<{ totp_enrolled_at: Date | null; codes_left: number }[]>(
      `SELECT totp_enrolled_at, (SELECT count(*) FROM recovery_code c WHERE c.user_id = u.id AND c.used_at IS NULL)::int AS codes_left FROM app_user u WHERE id = $1`,
      [viewer.userId],
    );
    return {
      enrolled: row.totp_enrolled_at !== null,
      enrolledAt: row.totp_enrolled_at?.toISOString() ?? null,
      recoveryCodesLeft: row.totp_enrolled_at ? row.codes_left : 0,
      required: await this.requiredFor(viewer.roles),
    };
  }

  /**
   * Starts (or starts over) setting up an authenticator app: a new secret, kept aside until a code
   * confirms it. Not while one is set up: replacing it would skip proving the current one (a new
   * phone: switch it off with a code first, or ask an admin to reset it).
   */
  async beginEnrolment(viewer: Actor): Promise<TotpEnrolmentDto> {
    const secret = newTotpSecret();
    await this.dataSource.transaction(async (em) => {
      if (await this.isEnrolled(em, viewer.userId)) throw refuse.conflict('second-factor.set-up-already');
      await em.query('UPDATE app_user SET totp_pending_secret = $2 WHERE id = $1', [viewer.userId, secret]);
      await this.audit.record(em, auditActor(viewer), {
        action: 'user.second_factor_enrolment_begun',
        entityType: 'user',
        entityId: viewer.userId,
        data: { method: 'totp' },
      });
    });
    const otpauthUri = totpUri(secret, viewer.email);
    return { secret, otpauthUri, qr: qrCodePath(otpauthUri) };
  }

  /**
   * Confirms the set-up with a code from the app: the factor is on, ten recovery codes are issued
   * (answered once), and this session counts as proven by it.
   */
  confirmEnrolment(viewer: Actor, code: string): Promise<RecoveryCodesDto> {
    return this.withCode(viewer, 'enrolment', async (em) => {
      const [user] = await em.query('SELECT totp_pending_secret, totp_enrolled_at FROM app_user WHERE id = $1', [viewer.userId]);
      if (!user?.totp_pending_secret || user.totp_enrolled_at) throw refuse.conflict('second-factor.no-set-up-in-progress');
      const step = await acceptedTimeStep(user.totp_pending_secret, code, null);
      if (step === null) return null;
      await em.query(
        `UPDATE app_user SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enrolled_at = now(), totp_last_time_step = $2 WHERE id = $1`,
        [viewer.userId, step],
      );
      const recoveryCodes = await this.replaceRecoveryCodes(em, viewer.userId);
      await em.query(`UPDATE user_session SET second_factor = 'totp' WHERE token_hash = $1`, [viewer.sessionTokenHash]);
      await this.sessions.forget(em, { session: viewer.sessionTokenHash });
      await this.audit.record(em, auditActor(viewer), {
        action: 'user.second_factor_enrolled',
        entityType: 'user',
        entityId: viewer.userId,
        data: { method: 'totp', recoveryCodes: recoveryCodes.length },
      });
      return { recoveryCodes };
    });
  }

  /** New recovery codes for old (lost, or running out): needs a code from the app. */
  renewRecoveryCodes(viewer: Actor, code: string): Promise<RecoveryCodesDto> {
    return this.withCode(viewer, 'renewing recovery codes', async (em) => {
      await this.mustBeEnrolled(em, viewer.userId);
      if ((await this.prove(em, viewer.userId, code, { recoveryCode: false })) === null) return null;
      const recoveryCodes = await this.replaceRecoveryCodes(em, viewer.userId);
      await this.audit.record(em, auditActor(viewer), {
        action: 'user.recovery_codes_renewed',
        entityType: 'user',
        entityId: viewer.userId,
        data: { recoveryCodes: recoveryCodes.length },
      });
      return { recoveryCodes };
    });
  }

  /** Switches the factor off with a code (or a recovery code) — not while the settings require it. */
  async remove(viewer: Actor, code: string): Promise<void> {
    if (await this.requiredFor(viewer.roles)) throw refuse.conflict('second-factor.required-for-role');
    await this.withCode(viewer, 'switching off', async (em) => {
      await this.mustBeEnrolled(em, viewer.userId);
      const proof = await this.prove(em, viewer.userId, code, { recoveryCode: true });
      if (proof === null) return null;
      await this.clear(em, viewer.userId);
      await this.audit.record(em, auditActor(viewer), {
        action: 'user.second_factor_removed',
        entityType: 'user',
        entityId: viewer.userId,
        data: { provenWith: proof },
      });
      return true;
    });
  }

  /** An admin's reset for someone who lost their phone and codes: the factor is off and their sessions end. */
  async reset(userId: string, actor: AuditActor): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const [user] = await em.query('SELECT email, totp_enrolled_at FROM app_user WHERE id = $1 FOR UPDATE', [userId]);
      if (!user) throw refuse.notFound('user.not-found', { id: userId });
      await this.clear(em, userId);
      const sessionsEnded = await this.sessions.endAllOf(em, userId);
      await this.audit.record(em, actor, {
        action: 'user.second_factor_reset',
        entityType: 'user',
        entityId: userId,
        data: { email: user.email, wasEnrolled: user.totp_enrolled_at !== null, sessionsEnded },
      });
    });
  }

  /**
   * Checks a code for a user at sign-in or for a sensitive change: an authenticator code for a time
   * step not used before, or (if allowed) an unused recovery code, which is used up. Answers how it
   * was proven, or null; its writes are part of `em`'s transaction.
   */
  async prove(em: EntityManager, userId: string, code: string, options: { recoveryCode: boolean }): Promise<'totp' | 'recovery_code' | null> {
    const [user] = await em.query('SELECT totp_secret, totp_last_time_step FROM app_user WHERE id = $1 FOR UPDATE', [userId]);
    if (!user?.totp_secret) return null;
    if (options.recoveryCode && looksLikeRecoveryCode(code)) {
      const [, used] = await em.query('UPDATE recovery_code SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL', [
        userId,
        recoveryCodeHash(code),
      ]);
      return used === 1 ? 'recovery_code' : null;
    }
    const step = await acceptedTimeStep(user.totp_secret, code, user.totp_last_time_step === null ? null : Number(user.totp_last_time_step));
    if (step === null) return null;
    await em.query('UPDATE app_user SET totp_last_time_step = $2 WHERE id = $1', [userId, step]);
    return 'totp';
  }

  async recoveryCodesLeft(em: EntityManager, userId: string): Promise<number> {
    const [row] = await em.query('SELECT count(*)::int AS left FROM recovery_code WHERE user_id = $1 AND used_at IS NULL', [userId]);
    return row.left;
  }

  /**
   * Checks a code under the account's lock, after the throttle lets it through: codes sent side by
   * side are heard one at a time, each wrong one counted (in the same transaction) before the next.
   * `work` answers null for a wrong code.
   */
  private async withCode<T>(viewer: Actor, during: string, work: (em: EntityManager) => Promise<T | null>): Promise<T> {
    const ip = viewer.ip ?? ''; // a request always has its address; only the demo seed acts from none, and it proves no codes
    const outcome = await this.dataSource.transaction(async (em) => {
      await em.query('SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE', [viewer.userId]);
      await this.throttle.admit(viewer.email, ip);
      const result = await work(em);
      if (result === null)
        await this.throttle.failedIn(em, { email: viewer.email, ip, userId: viewer.userId, action: 'auth.second_factor_failed', data: { during } });
      return result;
    });
    if (outcome === null) throw refuse.unprocessable('second-factor.wrong-code');
    return outcome;
  }

  private async mustBeEnrolled(em: EntityManager, userId: string): Promise<void> {
    if (!(await this.isEnrolled(em, userId))) throw refuse.conflict('second-factor.not-set-up');
  }

  private async clear(em: EntityManager, userId: string): Promise<void> {
    await em.query('UPDATE app_user SET totp_secret = NULL, totp_pending_secret = NULL, totp_enrolled_at = NULL, totp_last_time_step = NULL WHERE id = $1', [
      userId,
    ]);
    await em.query('DELETE FROM recovery_code WHERE user_id = $1', [userId]);
  }

  private async replaceRecoveryCodes(em: EntityManager, userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await em.query('DELETE FROM recovery_code WHERE user_id = $1', [userId]);
    await em.query('INSERT INTO recovery_code (user_id, code_hash) SELECT $1, unnest($2::text[])', [userId, codes.map(recoveryCodeHash)]);
    return codes;
  }
}
