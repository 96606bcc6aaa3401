import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, DEMO_SEED_ACTOR } from '@bt/api/audit';
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
  private readonly logger = new Logger('DemoAccounts');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async seedIfEmpty(seedsDir: string): Promise<boolean> {
    const file = JSON.parse(await readFile(join(seedsDir, 'demo', 'identity.json'), 'utf8')) as DemoIdentityFile;
    const passwordHash = await hashPassword(file.password);
    const seeded = await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('demo-accounts'))`);
      if (await em.count(User)) return false;
      const ids = new Map<string, string>();
      for (const o of file.organisations) {
        const saved = await em.save(em.create(Organisation, { name: o.name, kind: o.kind, countryCode: o.country ?? null, memberState: o.memberState ?? null }));
        ids.set(o.key, saved.id);
      }
      for (const u of file.users) {
        const user = await em.save(em.create(User, { email: u.email, displayName: u.displayName, organisationId: ids.get(u.organisation) as string, passwordHash, disabledAt: null, lastSignInAt: null }));
        await em.insert(RoleAssignment, u.roles.map((r) => ({ userId: user.id, role: r.role, coordinator: !!r.coordinator })));
      }
      await this.audit.record(em, DEMO_SEED_ACTOR, { action: 'demo.seeded', entityType: 'user', data: { users: file.users.map((u) => u.email) } });
      return true;
    });
    if (seeded) this.logger.log(`demo accounts created (password ${file.password}): ${file.users.map((u) => u.email).join(', ')}`);
    return seeded;
  }
}
