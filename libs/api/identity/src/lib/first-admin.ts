import { DataSource } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { MIN_PASSWORD_LENGTH } from '@bt/contracts';
import { Organisation } from './organisation.entity';
import { hashPassword } from './password';
import { RoleAssignment } from './role-assignment.entity';
import { User } from './user.entity';

export class FirstAdminError extends Error {}

/** `npm run admin:create`: the first admin of a production installation, in an organisation of the platform. */
export async function createAdmin(dataSource: DataSource, audit: AuditService, email: string, displayName: string, password: string): Promise<string> {
  const normalised = email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(normalised)) throw new FirstAdminError(`"${email}" is not an e-mail address`);
  if (password.length < MIN_PASSWORD_LENGTH) throw new FirstAdminError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  const passwordHash = await hashPassword(password);
  return dataSource.transaction(async (em) => {
    if (await em.existsBy(User, { email: normalised })) throw new FirstAdminError(`a user with the e-mail ${normalised} exists already`);
    let organisation = await em.findOneBy(Organisation, { kind: 'platform' });
    organisation ??= await em.save(em.create(Organisation, { name: 'Platform administrators', kind: 'platform', countryCode: null, memberState: null }));
    const user = await em.save(
      em.create(User, { email: normalised, displayName, organisationId: organisation.id, passwordHash, disabledAt: null, lastSignInAt: null }),
    );
    await em.insert(RoleAssignment, { userId: user.id, role: 'admin', coordinator: false });
    await audit.record(
      em,
      { id: null, label: 'system: admin:create', ip: null },
      { action: 'user.created', entityType: 'user', entityId: user.id, data: { after: { email: normalised, roles: [{ role: 'admin' }] } } },
    );
    return user.id;
  });
}
