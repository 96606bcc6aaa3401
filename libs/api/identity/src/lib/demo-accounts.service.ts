import { Injectable } from '@nestjs/common';
import { DemoSeeder } from '@bt/api/audit';
import type { OrganisationKind, RoleAssignmentInput } from '@bt/contracts';
import { Organisation } from './organisation.entity';
import { hashPassword } from './password';
import { RoleAssignment } from './role-assignment.entity';
import { User } from './user.entity';

interface DemoIdentityFile {
  password: string;
  organisations: { key: string; name: string; kind: OrganisationKind; country?: string; memberState?: string }[];
  users: { email: string; displayName: string; organisation: string; roles: RoleAssignmentInput[] }[];
}

/** The demo organisations and accounts of seeds/demo/identity.json, on an empty database, never in production. */
@Injectable()
export class DemoAccountsService {
  constructor(private readonly demo: DemoSeeder) {}

  seedIfEmpty(seedsDir: string): Promise<boolean> {
    const created = (file: DemoIdentityFile) => `demo accounts created (password ${file.password}): ${file.users.map((u) => u.email).join(', ')}`;
    return this.demo.seedFile(seedsDir, { file: 'identity.json', lock: 'demo-accounts', table: 'app_user', entityType: 'user', created }, async (file, em) => {
      const passwordHash = await hashPassword(file.password);
      const ids = new Map<string, string>();
      for (const o of file.organisations) {
        const saved = await em.save(
          em.create(Organisation, { name: o.name, kind: o.kind, countryCode: o.country ?? null, memberState: o.memberState ?? null }),
        );
        ids.set(o.key, saved.id);
      }
      for (const u of file.users) {
        const user = await em.save(
          em.create(User, {
            email: u.email,
            displayName: u.displayName,
            organisationId: ids.get(u.organisation) as string,
            passwordHash,
            disabledAt: null,
            lastSignInAt: null,
          }),
        );
        await em.insert(
          RoleAssignment,
          u.roles.map((r) => ({ userId: user.id, role: r.role, coordinator: !!r.coordinator })),
        );
      }
      return { users: file.users.map((u) => u.email) };
    });
  }
}
