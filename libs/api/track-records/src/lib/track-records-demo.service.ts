import { Injectable } from '@nestjs/common';
import { DemoSeeder } from '@bt/api/audit';
import type { TrackRecordCategory } from '@bt/contracts';
import { TrackRecordsService } from './track-records.service';

interface DemoTrackRecordsFile {
  author: string;
  series: {
    benchmark: string;
    name: string;
    unit: string;
    category: TrackRecordCategory;
    countingRule: string;
    values: { period: string; value: string; source: string; note: string }[];
  }[];
}

/** The track records of seeds/demo/track-records.json (real figures Serbia reported), on an empty table, never in production. */
@Injectable()
export class TrackRecordsDemoService {
  constructor(
    private readonly demo: DemoSeeder,
    private readonly trackRecords: TrackRecordsService,
  ) {}

  seedIfEmpty(seedsDir: string): Promise<boolean> {
    const created = (file: DemoTrackRecordsFile) => `demo track records created: ${file.series.length} series`;
    return this.demo.seedFile(
      seedsDir,
      { file: 'track-records.json', lock: 'demo-track-records', table: 'track_record_series', created },
      async (file, em, names) => {
        const author = await names.user(file.author);
        if (!author) return null;
        for (const s of file.series) {
          const benchmark = await names.benchmark(s.benchmark);
          if (benchmark) await this.trackRecords.upsert(em, benchmark, [s], author);
        }
        return { series: file.series.map((s) => s.name) };
      },
    );
  }
}
