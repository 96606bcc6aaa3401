import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, readDemoFile, seedDemoOnce } from '@bt/api/audit';
import type { TrackRecordCategory } from '@bt/contracts';
import { TrackRecordsService } from './track-records.service';

interface DemoTrackRecordsFile {
  author: string;
  series: { benchmark: string; name: string; unit: string; category: TrackRecordCategory; countingRule: string; values: { period: string; value: string; source: string; note: string }[] }[];
}

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
    const file = await readDemoFile<DemoTrackRecordsFile>(seedsDir, 'track-records.json');
    const seeded = await seedDemoOnce(this.dataSource, this.audit, { lock: 'demo-track-records', table: 'track_record_series' }, async (em, names) => {
      const author = await names.user(file.author);
      if (!author) return null;
      for (const s of file.series) {
        const benchmark = await names.benchmark(s.benchmark);
        if (benchmark) await this.trackRecords.upsert(em, benchmark, [s], author);
      }
      return { series: file.series.map((s) => s.name) };
    });
    if (seeded) this.logger.log(`demo track records created: ${file.series.length} series`);
    return seeded;
  }
}
