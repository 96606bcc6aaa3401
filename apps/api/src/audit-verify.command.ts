import { DataSource } from 'typeorm';
import { verifyAuditChain } from '@bt/api/audit';
import type { AppConfig } from '@bt/api/core';
import { dataSourceOptions } from './database/data-source';

/** `npm run audit:verify`: checks the audit trail's hash chain; exit code 1 and the first altered event if broken. */
export async function auditVerifyCommand(config: AppConfig): Promise<number> {
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
  try {
    const report = await verifyAuditChain(dataSource);
    if (report.firstBroken) {
      const b = report.firstBroken;
      console.error(`audit trail BROKEN at event ${b.id} (${b.action}, ${b.occurredAt}): ${b.reason}; ${report.checked} events before it are intact`);
      return 1;
    }
    console.log(`audit trail intact: ${report.checked} events verified`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}
