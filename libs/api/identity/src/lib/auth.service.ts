import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditActor, AuditService } from '@bt/api/audit';
import type { MeDto } from '@bt/contracts';
import { LoginThrottleService } from './login-throttle.service';
import { hashPassword, verifyPassword } from './password';
import { SessionService } from './session.service';
import { User } from './user.entity';
import { toUserDto } from './users.mapper';
import type { Viewer } from './viewer';

export class TooManyAttemptsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      { statusCode: 429, error: 'Too Many Requests', message: `Too many failed sign-ins: try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** One answer for every bad sign-in, so it never tells which part was wrong. */
const BAD_CREDENTIALS = 'Wrong e-mail or password.';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  me: MeDto;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  async signInWithPassword(rawEmail: string, password: string, ip: string, userAgent: string | null): Promise<SignedIn> {
    const email = rawEmail.trim().toLowerCase();
    const actor: AuditActor = { id: null, label: email, ip };
    const retryAfter = await this.throttle.retryAfter(email, ip);
    if (retryAfter > 0) {
      // Counted, not audited each: the lock itself was audited when it began.
      await this.throttle.countRefusal(email, ip);
      throw new TooManyAttemptsException(retryAfter);
    }
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const valid = await verifyPassword(password, user?.passwordHash);
    if (!user || !valid || user.disabledAt) {
      await this.dataSource.transaction(async (em) => {
        const locked = await this.throttle.recordFailure(em, email, ip);
        await this.audit.record(em, { ...actor, id: user?.id ?? null }, {
          action: 'auth.sign_in_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          data: { email, reason: !user ? 'unknown account' : user.disabledAt ? 'disabled account' : 'wrong password' },
        });
        for (const lock of locked) {
          await this.audit.record(em, { ...actor, id: user?.id ?? null }, { action: 'auth.sign_in_locked', entityType: 'user', entityId: user?.id ?? null, data: { email, ...lock } });
        }
      });
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    return this.dataSource.transaction(async (em) => {
      await this.throttle.signedIn(em, user.id, email, ip);
      return this.startSession(em, user, 'password', ip, userAgent);
    });
  }

  /** Opens a session for a user already proven to be who they are (password or single sign-on). */
  async startSession(em: EntityManager, user: User, method: 'password' | 'oidc', ip: string, userAgent: string | null): Promise<SignedIn> {
    const { token, expiresAt } = await this.sessions.create(em, user.id, method, ip, userAgent);
    await em.update(User, { id: user.id }, { lastSignInAt: new Date() });
    await this.audit.record(em, { id: user.id, label: user.email, ip }, { action: 'auth.signed_in', entityType: 'user', entityId: user.id, data: { method } });
    return { token, expiresAt, me: await this.me(user.id, expiresAt, em) };
  }

  async me(userId: string, expiresAt: Date, em: EntityManager = this.dataSource.manager): Promise<MeDto> {
    const user = await em.findOneOrFail(User, { where: { id: userId }, relations: { organisation: true, roles: true } });
    return { ...toUserDto(user), session: { expiresAt: expiresAt.toISOString(), idleTimeoutMinutes: this.sessions.idleMinutes } };
  }

  async signOut(viewer: Viewer, ip: string, everywhere: boolean): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const ended = everywhere ? await this.sessions.endAllOf(em, viewer.userId) : (await this.sessions.end(em, viewer.sessionTokenHash), 1);
      await this.audit.record(em, { id: viewer.userId, label: viewer.email, ip }, {
        action: everywhere ? 'auth.signed_out_everywhere' : 'auth.signed_out',
        entityType: 'user',
        entityId: viewer.userId,
        data: { sessionsEnded: ended },
      });
    });
  }

  /** Changes one's own password; the other sessions end, this one stays. */
  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string, ip: string): Promise<void> {
    const user = await this.dataSource.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: viewer.userId }).getOneOrFail();
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new UnauthorizedException('The current password is wrong.');
    }
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (em) => {
      await em.update(User, { id: user.id }, { passwordHash });
      const ended = await this.sessions.endAllOf(em, user.id, viewer.sessionTokenHash);
      await this.audit.record(em, { id: user.id, label: user.email, ip }, { action: 'user.password_changed', entityType: 'user', entityId: user.id, data: { otherSessionsEnded: ended } });
    });
  }
}
