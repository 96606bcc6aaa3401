import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, EntityNotFoundError } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { prepared, refuse } from '@bt/api/core';
import type { MeDto, SessionDto } from '@bt/contracts';
import type { Language } from '@bt/i18n';
import { LoginThrottleService } from './login-throttle.service';
import { hashPassword, verifyPassword } from './password';
import { SecondFactorService, type SecondFactorProof } from './second-factor/second-factor.service';
import { hashToken, SessionService } from './session.service';
import { User } from './user.entity';
import { toUserDto, type UserFacts } from './users.mapper';
import type { Viewer } from './viewer';
import { type Actor, auditActor } from './actor';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  me: MeDto;
}

/** A first factor proven, the second still to come: the token of the browser's `bt_sign_in` cookie. */
export interface AwaitingSecondFactor {
  pendingToken: string;
  expiresAt: Date;
}

/** AuthService.me's statement: the user as toUserDto reads them (organisation and roles as JSON), their language and the session's facts. */
type MeRow = Required<UserFacts> & { language: Language | null; proven: string | null; other_sessions: number };

/** The user, their organisation and roles, and this session's facts ($2: its token's hash; $3: the idle minutes). */
const ME_SQL = `SELECT u.id, u.email, u.display_name AS "displayName", u.disabled_at AS "disabledAt", u.totp_enrolled_at AS "totpEnrolledAt",
   u.last_sign_in_at AS "lastSignInAt", u.created_at AS "createdAt", u.language,
   json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'countryCode', o.country_code) AS organisation,
   (SELECT coalesce(json_agg(json_build_object('role', r.role, 'coordinator', r.coordinator)), '[]') FROM role_assignment r WHERE r.user_id = u.id) AS roles,
   (SELECT second_factor FROM user_session WHERE token_hash = $2) AS proven,
   (SELECT count(*) FROM user_session s WHERE s.user_id = u.id AND s.token_hash <> $2 AND s.expires_at > now()
       AND s.last_seen_at > now() - make_interval(mins => $3))::int AS other_sessions
   FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1`;

/** How long a correct password waits for its second factor. */
export const PENDING_SIGN_IN_MINUTES = 5;
/** Wrong codes one waiting sign-in may take before the password must be given again. */
const MAX_CODES_PER_SIGN_IN = 5;

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  /** The password proves the first factor: signed in, or — with a second factor set up — its code asked for. */
  async signInWithPassword(rawEmail: string, password: string, ip: string, userAgent: string | null): Promise<SignedIn | AwaitingSecondFactor> {
    const email = rawEmail.trim().toLowerCase();
    await this.throttle.admit(email, ip);
    const user = await this.dataSource.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email }).getOne();
    const valid = await verifyPassword(password, user?.passwordHash);
    if (!user || !valid || user.disabledAt) {
      const reason = !user ? 'unknown account' : user.disabledAt ? 'disabled account' : 'wrong password';
      await this.throttle.failed({ email, ip, userId: user?.id ?? null, action: 'auth.sign_in_failed', data: { reason } });
      // One answer for every bad sign-in, so it never tells which part was wrong.
      throw refuse.unauthorized('auth.wrong-credentials');
    }
    return this.dataSource.transaction(async (em) => {
      if (await this.secondFactor.isEnrolled(em, user.id)) return this.awaitSecondFactor(em, user, 'password', ip, userAgent);
      await this.throttle.signedIn(em, user.id, email, ip);
      return this.startSession(em, user, 'password', ip, userAgent, null);
    });
  }

  /** Keeps a sign-in whose first factor is proven waiting a few minutes for its second. */
  async awaitSecondFactor(em: EntityManager, user: User, method: 'password' | 'oidc', ip: string, userAgent: string | null): Promise<AwaitingSecondFactor> {
    const pendingToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + PENDING_SIGN_IN_MINUTES * 60_000);
    await em.query('DELETE FROM pending_sign_in WHERE user_id = $1 AND expires_at < now()', [user.id]);
    await em.query('INSERT INTO pending_sign_in (token_hash, user_id, method, ip, user_agent, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      hashToken(pendingToken),
      user.id,
      method,
      ip,
      userAgent?.slice(0, 300) ?? null,
      expiresAt,
    ]);
    await this.audit.record(
      em,
      { id: user.id, label: user.email, ip },
      { action: 'auth.second_factor_asked', entityType: 'user', entityId: user.id, data: { method } },
    );
    return { pendingToken, expiresAt };
  }

  /**
   * The second step of a sign-in: a code from the authenticator app or a recovery code. Wrong codes
   * count in the sign-in throttle like wrong passwords; five on one waiting sign-in end it.
   */
  async completeSecondFactor(pendingToken: string | undefined, code: string, ip: string): Promise<SignedIn> {
    const tokenHash = hashToken(pendingToken ?? '');
    const outcome = await this.dataSource.transaction(async (em) => {
      // One code at a time per waiting sign-in, each counted before the next is heard: codes sent
      // side by side cannot slip past the throttle or the five-code limit.
      const [pending] = pendingToken
        ? await em.query(
            `SELECT p.user_id, p.method, p.user_agent, p.failed_codes, u.email FROM pending_sign_in p JOIN app_user u ON u.id = p.user_id AND u.disabled_at IS NULL
              WHERE p.token_hash = $1 AND p.expires_at > now() FOR UPDATE OF p`,
            [tokenHash],
          )
        : [];
      if (!pending) throw refuse.unauthorized('auth.no-sign-in-waiting', { minutes: PENDING_SIGN_IN_MINUTES });
      await this.throttle.admit(pending.email, ip);
      const proof = await this.secondFactor.prove(em, pending.user_id, code, { recoveryCode: true });
      if (!proof) {
        if (pending.failed_codes + 1 >= MAX_CODES_PER_SIGN_IN) await em.query('DELETE FROM pending_sign_in WHERE token_hash = $1', [tokenHash]);
        else await em.query('UPDATE pending_sign_in SET failed_codes = failed_codes + 1 WHERE token_hash = $1', [tokenHash]);
        await this.throttle.failedIn(em, {
          email: pending.email,
          ip,
          userId: pending.user_id,
          action: 'auth.second_factor_failed',
          data: { during: 'sign-in' },
        });
        return null;
      }
      await em.query('DELETE FROM pending_sign_in WHERE token_hash = $1', [tokenHash]);
      const user = await em.findOneByOrFail(User, { id: pending.user_id });
      if (proof === 'recovery_code') {
        const left = await this.secondFactor.recoveryCodesLeft(em, user.id);
        await this.audit.record(
          em,
          { id: user.id, label: user.email, ip },
          { action: 'auth.recovery_code_used', entityType: 'user', entityId: user.id, data: { recoveryCodesLeft: left } },
        );
      }
      if (pending.method === 'password') await this.throttle.signedIn(em, user.id, user.email, ip);
      return this.startSession(em, user, pending.method, ip, pending.user_agent, proof);
    });
    if (!outcome) throw refuse.unauthorized('auth.wrong-sign-in-code');
    return outcome;
  }

  /** Opens a session for a user already proven to be who they are (password or single sign-on, and the second factor if any). */
  async startSession(
    em: EntityManager,
    user: User,
    method: 'password' | 'oidc',
    ip: string,
    userAgent: string | null,
    secondFactor: SecondFactorProof | null,
  ): Promise<SignedIn> {
    const { token, expiresAt } = await this.sessions.create(em, user.id, method, ip, userAgent, secondFactor);
    await em.update(User, { id: user.id }, { lastSignInAt: new Date() });
    await this.audit.record(
      em,
      { id: user.id, label: user.email, ip },
      { action: 'auth.signed_in', entityType: 'user', entityId: user.id, data: { method, secondFactor } },
    );
    return { token, expiresAt, me: await this.me(user.id, hashToken(token), expiresAt, em) };
  }

  /** The signed-in user as the app sees them, for the session `sessionTokenHash`. */
  async me(userId: string, sessionTokenHash: string, expiresAt: Date, em: EntityManager = this.dataSource.manager): Promise<MeDto> {
    // One statement (ME_SQL), prepared except inside the sign-in's transaction: every visit asks for it first
    // (TypeORM's findOne with both relations, and a statement beside it, cost the API and PostgreSQL twice as much).
    const values = [userId, sessionTokenHash, this.sessions.idleMinutes];
    const [row] = em === this.dataSource.manager ? await prepared(this.dataSource).query<MeRow>(ME_SQL, values) : await em.query<MeRow[]>(ME_SQL, values);
    if (!row) throw new EntityNotFoundError(User, { id: userId });
    const required = await this.secondFactor.requiredFor(row.roles.map((r) => r.role));
    return {
      ...toUserDto(row),
      session: { expiresAt: expiresAt.toISOString(), idleTimeoutMinutes: this.sessions.idleMinutes },
      secondFactor: { enrolled: row.totpEnrolledAt !== null, required, outstanding: required && row.proven === null },
      otherSessions: row.other_sessions,
      language: row.language,
    };
  }

  async signOut(viewer: Actor, everywhere: boolean): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const ended = everywhere ? await this.sessions.endAllOf(em, viewer.userId) : (await this.sessions.end(em, viewer.sessionTokenHash), 1);
      await this.audit.record(em, auditActor(viewer), {
        action: everywhere ? 'auth.signed_out_everywhere' : 'auth.signed_out',
        entityType: 'user',
        entityId: viewer.userId,
        data: { sessionsEnded: ended },
      });
    });
  }

  /** The app's language for this person, wherever they sign in next. Audited like any change to an account. */
  async setLanguage(viewer: Actor, language: Language): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.update(User, { id: viewer.userId }, { language });
      await this.audit.record(em, auditActor(viewer), { action: 'user.language_chosen', entityType: 'user', entityId: viewer.userId, data: { language } });
    });
  }

  sessionsOf(viewer: Viewer): Promise<SessionDto[]> {
    return this.sessions.list(viewer.userId, viewer.sessionTokenHash);
  }

  /** Ends one other session of the viewer's; false when there is no such one. */
  async endSession(viewer: Actor, sessionId: string): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const [current] = await em.query('SELECT id FROM user_session WHERE token_hash = $1', [viewer.sessionTokenHash]);
      if (current?.id === sessionId || !(await this.sessions.endById(em, viewer.userId, sessionId))) return false;
      await this.audit.record(em, auditActor(viewer), { action: 'auth.session_ended', entityType: 'user', entityId: viewer.userId, data: { sessionId } });
      return true;
    });
  }

  /** "Sign out other sessions": every session of the viewer's but this one ends. */
  async endOtherSessions(viewer: Actor): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const ended = await this.sessions.endAllOf(em, viewer.userId, viewer.sessionTokenHash);
      await this.audit.record(em, auditActor(viewer), {
        action: 'auth.other_sessions_ended',
        entityType: 'user',
        entityId: viewer.userId,
        data: { sessionsEnded: ended },
      });
    });
  }

  /** Changes one's own password; the other sessions end, this one stays. */
  async changePassword(viewer: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: viewer.userId })
      .getOneOrFail();
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw refuse.unauthorized('auth.wrong-current-password');
    }
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (em) => {
      await em.update(User, { id: user.id }, { passwordHash });
      // A sign-in that passed the old password and waits for its code is over too.
      await em.query('DELETE FROM pending_sign_in WHERE user_id = $1', [user.id]);
      const ended = await this.sessions.endAllOf(em, user.id, viewer.sessionTokenHash);
      await this.audit.record(
        em,
        { id: user.id, label: user.email, ip: viewer.ip },
        { action: 'user.password_changed', entityType: 'user', entityId: user.id, data: { otherSessionsEnded: ended } },
      );
    });
  }
}
