import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AuditActor, AuditService } from '@bt/api/audit';
import { AppSetting } from './app-setting.entity';
import type { IdentitySettingsDto } from '@bt/contracts';
import { Organisation } from './organisation.entity';

export type IdentitySettings = IdentitySettingsDto;

const KEY = 'identity';
const DEFAULTS: IdentitySettings = { oidcSelfProvisioningOrganisationId: null };

@Injectable()
export class SettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<IdentitySettings> {
    const row = await this.dataSource.getRepository(AppSetting).findOneBy({ key: KEY });
    return { ...DEFAULTS, ...(row?.value as Partial<IdentitySettings> | undefined) };
  }

  async set(settings: IdentitySettings, actor: AuditActor): Promise<IdentitySettings> {
    return this.dataSource.transaction(async (em) => {
      const id = settings.oidcSelfProvisioningOrganisationId;
      if (id && !(await em.existsBy(Organisation, { id }))) throw new UnprocessableEntityException(`unknown organisation ${id}`);
      const before = await this.get();
      await em.upsert(AppSetting, { key: KEY, value: settings }, ['key']);
      await this.audit.record(em, actor, { action: 'settings.changed', entityType: 'settings', entityId: KEY, data: { before, after: settings } });
      return settings;
    });
  }
}
