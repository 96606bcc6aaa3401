import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import type { TrackRecordCategory } from '@bt/contracts';
import { TrackRecordsService } from './track-records.service';

interface DemoTrackRecordsFile {
  author: string;
  series: { benchmark: string; name: string; unit: string; category: TrackRecordCategory; countingRule: string; values: { period: string; value: string; source: string; note: string }[] }[];
}

const SYSTEM = { id: null, label: 'system: demo seed', ip: null };

/** The track records of seeds/demo/track-records.json (real figures Serbia reported), on an empty table, never in production. */
@Injectable()
export class TrackRecordsDemoService {
  private readonly logger = new Logger('TrackRecordsDemo');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly trackRecords: TrackRecordsService,
  ) {}

  async seedIfEmpty(seedsDir: string): Promise<boolean> {
    const file = JSON.parse(await readFile(join(seedsDir, 'demo', 'track-records.json'), 'utf8')) as DemoTrackRecordsFile;
    const seeded = await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('demo-track-records'))`);
      const [{ count }] = await em.query(`SELECT count(*)::int AS count FROM track_record_series`);
      const [author] = await em.query(`SELECT id FROM app_user WHERE email = $1`, [file.author]);
      if (count > 0 || !author) return false;
      for (const s of file.series) {
        const [benchmark] = await em.query(`SELECT id FROM benchmark WHERE code = $1`, [s.benchmark]);
        if (benchmark) await this.trackRecords.upsert(em, benchmark.id, [s], author.id);
      }
      await this.audit.record(em, SYSTEM, { action: 'demo.seeded', entityType: 'track_record_series', data: { series: file.series.map((s) => s.name) } });
      return true;
    });
    if (seeded) this.logger.log(`demo track records created: ${file.series.length} series`);
    return seeded;
  }
}
