import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AuditActor, AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { AppSetting } from './app-setting.entity';
import type { IdentitySettingsDto } from '@bt/contracts';
import { Organisation } from './organisation.entity';
import { SessionService } from './session.service';

export type IdentitySettings = IdentitySettingsDto;

const KEY = 'identity';
const DEFAULTS: IdentitySettings = { oidcSelfProvisioningOrganisationId: null, secondFactorRequired: false };

@Injectable()
export class SettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
  ) {}

  async get(): Promise<IdentitySettings> {
    const row = await this.dataSource.getRepository(AppSetting).findOneBy({ key: KEY });
    return { ...DEFAULTS, ...(row?.value as Partial<IdentitySettings> | undefined) };
  }

  /** Changes the settings given; a setting left out keeps its value. */
  async set(change: Partial<IdentitySettings>, actor: AuditActor): Promise<IdentitySettings> {
    return this.dataSource.transaction(async (em) => {
      const id = change.oidcSelfProvisioningOrganisationId;
      if (id && !(await em.existsBy(Organisation, { id }))) throw refuse.unprocessable('organisation.unknown', { id });
      const before = await this.get();
      const settings: IdentitySettings = { ...before, ...Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) };
      await em.upsert(AppSetting, { key: KEY, value: settings }, ['key']);
      // Whether a session owes a second factor depends on them.
      await this.sessions.forget(em, { everyone: true });
      await this.audit.record(em, actor, { action: 'settings.changed', entityType: 'settings', entityId: KEY, data: { before, after: settings } });
      return settings;
    });
  }
}
