import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Language } from '@bt/i18n';
import { type AuditActor, AuditService } from '@bt/api/audit';
import { Refusal, refuse } from '@bt/api/core';
import {
  type CreateUserRequest,
  type IssuedPasswordDto,
  type RefusalReason,
  refusal,
  type RoleAssignmentInput,
  type UpdateUserRequest,
  type UserDto,
} from '@bt/contracts';
import { Organisation } from './organisation.entity';
import { generatePassword, hashPassword } from './password';
import { RoleAssignment } from './role-assignment.entity';
import { roleProblems } from './role-rules';
import { SessionService } from './session.service';
import { User } from './user.entity';
import { toUserDto } from './users.mapper';
import { LoginThrottleService } from './login-throttle.service';

/** Accounts as an admin manages them. Every change is one transaction with its audit event. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** The language this person chose for the app (null: their browser's), for what the server writes for them (documents). */
  async languageOf(userId: string): Promise<Language | null> {
    const user = await this.dataSource.manager.findOne(User, { where: { id: userId }, select: { id: true, language: true } });
    return user?.language ?? null;
  }

  async list(filter: { q?: string; organisationId?: string }): Promise<UserDto[]> {
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.organisation', 'o')
      .leftJoinAndSelect('u.roles', 'r')
      .orderBy('u.displayName');
    if (filter.organisationId) qb.andWhere('u.organisation_id = :org', { org: filter.organisationId });
    if (filter.q) {
      qb.andWhere('(u.email ILIKE :q OR u.display_name ILIKE :q)', { q: `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    }
    return (await qb.getMany()).map(toUserDto);
  }

  async get(id: string, em: EntityManager = this.dataSource.manager): Promise<UserDto> {
    return toUserDto(await this.load(em, id));
  }

  async create(request: CreateUserRequest, actor: AuditActor): Promise<IssuedPasswordDto> {
    const email = request.email.trim().toLowerCase();
    const temporaryPassword = request.password ? null : generatePassword();
    const passwordHash = await hashPassword(request.password ?? (temporaryPassword as string));
    return this.dataSource.transaction(async (em) => {
      const organisation = await em.findOneBy(Organisation, { id: request.organisationId });
      if (!organisation) throw refuse.unprocessable('organisation.unknown', { id: request.organisationId });
      const problems = roleProblems(request.roles, organisation.kind);
      if (problems.length) throw rolesNotFitting(problems);
      if (await em.existsBy(User, { email })) throw refuse.conflict('user.email-taken', { email });
      const user = await em.save(
        em.create(User, {
          email,
          displayName: request.displayName.trim(),
          organisationId: organisation.id,
          passwordHash,
          disabledAt: null,
          lastSignInAt: null,
        }),
      );
      await this.writeRoles(em, user.id, request.roles);
      await this.audit.record(em, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        data: { after: { email, displayName: user.displayName, organisationId: organisation.id, roles: request.roles } },
      });
      return { user: await this.get(user.id, em), temporaryPassword };
    });
  }

  async update(id: string, request: UpdateUserRequest, actor: AuditActor): Promise<UserDto> {
    return this.dataSource.transaction(async (em) => {
      const user = await this.load(em, id, true);
      const before = { displayName: user.displayName, organisationId: user.organisationId };
      if (request.organisationId && request.organisationId !== user.organisationId) {
        const organisation = await em.findOneBy(Organisation, { id: request.organisationId });
        if (!organisation) throw refuse.unprocessable('organisation.unknown', { id: request.organisationId });
        const problems = roleProblems(user.roles ?? [], organisation.kind);
        if (problems.length) throw rolesNotFitting(problems);
        user.organisationId = organisation.id;
      }
      if (request.displayName !== undefined) user.displayName = request.displayName.trim();
      await em.update(User, { id }, { displayName: user.displayName, organisationId: user.organisationId });
      await this.sessions.forget(em, { user: id });
      await this.audit.record(em, actor, {
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        data: { before, after: { displayName: user.displayName, organisationId: user.organisationId } },
      });
      return this.get(id, em);
    });
  }

  async setRoles(id: string, roles: RoleAssignmentInput[], actor: AuditActor): Promise<UserDto> {
    return this.dataSource.transaction(async (em) => {
      const user = await this.load(em, id, true);
      const problems = roleProblems(roles, (user.organisation as Organisation).kind);
      if (problems.length) throw rolesNotFitting(problems);
      if (id === actor.id && !roles.some((r) => r.role === 'admin')) {
        throw refuse.conflict('user.own-admin-role');
      }
      const before = toUserDto(user).roles;
      await em.delete(RoleAssignment, { userId: id });
      await this.writeRoles(em, id, roles);
      // Effective on the user's very next request.
      await this.sessions.forget(em, { user: id });
      const after = await this.get(id, em);
      await this.audit.record(em, actor, { action: 'user.roles_changed', entityType: 'user', entityId: id, data: { before, after: after.roles } });
      return after;
    });
  }

  /** Disabling ends the user's sessions at once; enabling lets them sign in again. */
  async setDisabled(id: string, disabled: boolean, actor: AuditActor): Promise<UserDto> {
    if (disabled && id === actor.id) throw refuse.conflict('user.own-account-disable');
    return this.dataSource.transaction(async (em) => {
      const user = await this.load(em, id, true);
      if ((user.disabledAt !== null) === disabled) return toUserDto(user);
      await em.update(User, { id }, { disabledAt: disabled ? new Date() : null });
      const sessionsEnded = disabled ? await this.sessions.endAllOf(em, id) : 0;
      await this.audit.record(em, actor, { action: disabled ? 'user.disabled' : 'user.enabled', entityType: 'user', entityId: id, data: { sessionsEnded } });
      return this.get(id, em);
    });
  }

  /** Lifts the sign-in throttle on an account: its recent failures are forgotten, from every address. */
  async unlock(id: string, actor: AuditActor): Promise<UserDto> {
    return this.dataSource.transaction(async (em) => {
      const user = await this.load(em, id, true);
      const failuresCleared = await this.throttle.clear(em, user.email);
      await this.audit.record(em, actor, { action: 'user.sign_in_unlocked', entityType: 'user', entityId: id, data: { failuresCleared } });
      return this.get(id, em);
    });
  }

  /** A new temporary password, shown once; the user's sessions end. */
  async resetPassword(id: string, actor: AuditActor): Promise<IssuedPasswordDto> {
    const temporaryPassword = generatePassword();
    const passwordHash = await hashPassword(temporaryPassword);
    return this.dataSource.transaction(async (em) => {
      await this.load(em, id, true);
      await em.update(User, { id }, { passwordHash });
      // A sign-in that passed the old password and waits for its code is over too.
      await em.query('DELETE FROM pending_sign_in WHERE user_id = $1', [id]);
      const sessionsEnded = await this.sessions.endAllOf(em, id);
      await this.audit.record(em, actor, { action: 'user.password_reset', entityType: 'user', entityId: id, data: { sessionsEnded } });
      return { user: await this.get(id, em), temporaryPassword };
    });
  }

  private async load(em: EntityManager, id: string, lock = false): Promise<User> {
    if (lock) await em.query('SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE', [id]);
    const user = await em.findOne(User, { where: { id }, relations: { organisation: true, roles: true } });
    if (!user) throw refuse.notFound('user.not-found', { id });
    return user;
  }

  private async writeRoles(em: EntityManager, userId: string, roles: RoleAssignmentInput[]): Promise<void> {
    if (roles.length === 0) return;
    await em.insert(
      RoleAssignment,
      roles.map((r) => ({ userId, role: r.role, coordinator: r.role === 'ministry' && !!r.coordinator })),
    );
  }
}

/** 422 with each problem of the roles as an item with its own code. */
function rolesNotFitting(problems: RefusalReason[]): Refusal {
  return new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, refusal('user.roles-not-fitting'), problems);
}
