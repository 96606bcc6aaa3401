import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { Refusal, refuse } from '@bt/api/core';
import { type BenchmarkScope, findBenchmarkScope } from '@bt/api/catalogue';
import { FilesService, type Upload } from '@bt/api/files';
import { type Actor, auditActor, type Viewer } from '@bt/api/identity';
import { isMissionExpert } from '@bt/api/missions';
import {
  type CreateTrackRecordSeriesRequest,
  isTrackRecordPeriod,
  refusal,
  type TrackRecordCategory,
  type TrackRecordImportErrorDto,
  type TrackRecordImportResultDto,
  type TrackRecordSeriesDto,
  type TrackRecordValueRequest,
} from '@bt/contracts';
import { readsCountryRecords, writesCountryRecords } from './country-records-access';
import { checkTrackRecordRows, conflictsWithStoredSeries, type ImportedSeries, readTrackRecordSheet } from './track-record-sheet';

/** A series with its figures, as `seriesOf` aggregates them (a figure's value: numeric, as the driver's JSON has it). */
interface SeriesRow {
  id: string;
  name: string;
  unit: string;
  category: TrackRecordCategory;
  counting_rule: string;
  values: { period: string; value: string | number; source: string; note: string }[];
}

/** Track records of a benchmark: indicator series with a figure per year or quarter, imported or entered by the ministry. */
@Injectable()
export class TrackRecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly files: FilesService,
  ) {}

  /** The benchmark, if this viewer may read its track records; 404 otherwise (nothing is learnt about it). */
  private async readable(em: EntityManager, viewer: Viewer, benchmarkRef: string, lock = false): Promise<BenchmarkScope> {
    const scope = await findBenchmarkScope(em, benchmarkRef, lock);
    const missionExpert = await isMissionExpert(em, scope.id, viewer.userId);
    if (!readsCountryRecords(viewer, scope, missionExpert)) throw refuse.notFound('benchmark.not-found', { ref: benchmarkRef });
    return scope;
  }

  private async writable(em: EntityManager, viewer: Viewer, benchmarkRef: string): Promise<BenchmarkScope> {
    const scope = await this.readable(em, viewer, benchmarkRef, true);
    if (!writesCountryRecords(viewer, scope)) throw refuse.forbidden('track-records.only-ministry');
    return scope;
  }

  async list(viewer: Viewer, benchmarkRef: string): Promise<TrackRecordSeriesDto[]> {
    const em = this.dataSource.manager;
    const scope = await this.readable(em, viewer, benchmarkRef);
    return this.seriesOf(em, scope.id);
  }

  private async seriesOf(em: EntityManager, benchmarkId: string): Promise<TrackRecordSeriesDto[]> {
    const rows = await em.query<SeriesRow[]>(
      `SELECT s.id, s.name, s.unit, s.category, s.counting_rule,
              COALESCE(json_agg(json_build_object('period', v.period, 'value', v.value, 'source', v.source, 'note', v.note) ORDER BY v.period)
                       FILTER (WHERE v.period IS NOT NULL), '[]') AS values
         FROM track_record_series s LEFT JOIN track_record_value v ON v.series_id = s.id
        WHERE s.benchmark_id = $1 GROUP BY s.id ORDER BY s.created_at, s.name`,
      [benchmarkId],
    );
    return rows.map((r) => ({
      id: r.id,
      benchmarkId,
      name: r.name,
      unit: r.unit,
      category: r.category,
      countingRule: r.counting_rule,
      values: r.values.map((v) => ({ ...v, value: Number(v.value) })),
    }));
  }

  async create(actor: Actor, benchmarkRef: string, request: CreateTrackRecordSeriesRequest): Promise<TrackRecordSeriesDto> {
    return this.dataSource.transaction(async (em) => {
      const scope = await this.writable(em, actor, benchmarkRef);
      const name = request.name.trim();
      const unit = request.unit.trim();
      if (!name || !unit) throw refuse.unprocessable('track-records.name-or-unit-empty');
      const [row] = await em.query<{ id: string }[]>(
        `INSERT INTO track_record_series (benchmark_id, name, unit, category, counting_rule, created_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (benchmark_id, lower(name)) DO NOTHING RETURNING id`,
        [scope.id, name, unit, request.category, request.countingRule?.trim() ?? '', actor.userId],
      );
      if (!row) throw refuse.conflict('track-records.series-name-taken', { name });
      await this.audit.record(em, auditActor(actor), {
        action: 'track-record.series-created',
        entityType: 'benchmark',
        entityId: scope.id,
        data: { seriesId: row.id, name, unit, category: request.category },
      });
      return { id: row.id, benchmarkId: scope.id, name, unit, category: request.category, countingRule: request.countingRule?.trim() ?? '', values: [] };
    });
  }

  /** Sets the figure of one period of a series (added or replaced). */
  async putValue(actor: Actor, seriesId: string, period: string, request: TrackRecordValueRequest): Promise<TrackRecordSeriesDto> {
    const normalised = period.toUpperCase();
    if (!isTrackRecordPeriod(normalised)) throw refuse.unprocessable('track-records.period-malformed');
    return this.dataSource.transaction(async (em) => {
      const [series] = await em.query<{ benchmark_id: string }[]>(`SELECT benchmark_id FROM track_record_series WHERE id = $1`, [seriesId]);
      if (!series) throw refuse.notFound('track-records.series-not-found', { id: seriesId });
      const scope = await this.writable(em, actor, series.benchmark_id).catch((error) => {
        throw error instanceof Refusal && error.getStatus() === HttpStatus.NOT_FOUND
          ? refuse.notFound('track-records.series-not-found', { id: seriesId })
          : error;
      });
      const source = request.source.trim();
      if (!source) throw refuse.unprocessable('request.field-empty', { field: 'source' });
      const [before] = await em.query<{ value: string; source: string }[]>(
        `SELECT value, source FROM track_record_value WHERE series_id = $1 AND period = $2`,
        [seriesId, normalised],
      );
      await em.query(
        `INSERT INTO track_record_value (series_id, period, value, source, note, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (series_id, period) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [seriesId, normalised, request.value, source, request.note?.trim() ?? '', actor.userId],
      );
      await em.query(`UPDATE track_record_series SET updated_at = now() WHERE id = $1`, [seriesId]);
      await this.audit.record(em, auditActor(actor), {
        action: 'track-record.value-set',
        entityType: 'benchmark',
        entityId: scope.id,
        data: { seriesId, period: normalised, value: request.value, source, before: before ? { value: Number(before.value), source: before.source } : null },
      });
      return (await this.seriesOf(em, scope.id)).find((s) => s.id === seriesId) as TrackRecordSeriesDto;
    });
  }

  /**
   * Imports a sheet: every row is checked first; any problem refuses the whole sheet with the list
   * (422, nothing written, the upload removed). A sheet past MAX_IMPORT_ROWS figures, or an XLSX
   * unpacking past MAX_SHEET_UNPACKED_BYTES, is refused without reading the rest. Otherwise one transaction upserts the series (by
   * name) and their figures (by period), keeps the sheet as a stored file and records one audit event.
   */
  async import(actor: Actor, benchmarkRef: string, upload: Upload | undefined): Promise<TrackRecordImportResultDto> {
    // Rights first, so nobody can make the server store a file they may not import.
    await this.dataSource.transaction((em) => this.writable(em, actor, benchmarkRef));
    const received = await this.files.receive(upload, ['xlsx', 'csv']);
    return this.files.keepIf(received, async () => {
      const sheet = await readTrackRecordSheet(this.files.ranges(received), received.kind as 'xlsx' | 'csv');
      if ('unreadable' in sheet) throw new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, sheet.unreadable, []);
      const check = checkTrackRecordRows(sheet.header, sheet.rows);
      if (!check.ok) {
        throw sheetRefused(check.errors);
      }
      return this.dataSource.transaction(async (em) => {
        const scope = await this.writable(em, actor, benchmarkRef);
        const existing = await em.query<{ name: string; unit: string; category: TrackRecordCategory }[]>(
          `SELECT name, unit, category FROM track_record_series WHERE benchmark_id = $1`,
          [scope.id],
        );
        const conflicts = conflictsWithStoredSeries(check.series, existing);
        if (conflicts.length) {
          throw sheetRefused(conflicts);
        }
        const stored = await this.files.record(em, received, actor.userId);
        const counts = await this.upsert(em, scope.id, check.series, actor.userId);
        await this.audit.record(em, auditActor(actor), {
          action: 'track-record.imported',
          entityType: 'benchmark',
          entityId: scope.id,
          data: { fileId: stored.id, fileName: stored.fileName, sha256: stored.sha256, rows: check.rows, ...counts },
        });
        return { rows: check.rows, ...counts, series: await this.seriesOf(em, scope.id) };
      });
    });
  }

  /** Upserts series by name and figures by period; says how many of each were new. */
  async upsert(em: EntityManager, benchmarkId: string, series: Omit<ImportedSeries, 'firstRow'>[], userId: string) {
    const counts = { seriesCreated: 0, seriesUpdated: 0, valuesCreated: 0, valuesUpdated: 0 };
    for (const s of series) {
      const [row] = await em.query<{ id: string; inserted: boolean }[]>(
        `INSERT INTO track_record_series (benchmark_id, name, unit, category, counting_rule, created_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (benchmark_id, lower(name)) DO UPDATE
           SET counting_rule = CASE WHEN EXCLUDED.counting_rule = '' THEN track_record_series.counting_rule ELSE EXCLUDED.counting_rule END,
               updated_at = now()
         RETURNING id, (xmax = 0) AS inserted`,
        [benchmarkId, s.name, s.unit, s.category, s.countingRule, userId],
      );
      counts[row.inserted ? 'seriesCreated' : 'seriesUpdated']++;
      const written = await em.query<{ inserted: boolean }[]>(
        `INSERT INTO track_record_value (series_id, period, value, source, note, updated_by)
         SELECT $1, v.period, v.value::numeric, v.source, v.note, $6 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS v(period, value, source, note)
         ON CONFLICT (series_id, period) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING (xmax = 0) AS inserted`,
        [row.id, s.values.map((v) => v.period), s.values.map((v) => v.value), s.values.map((v) => v.source), s.values.map((v) => v.note), userId],
      );
      for (const w of written) counts[w.inserted ? 'valuesCreated' : 'valuesUpdated']++;
    }
    return counts;
  }

  /** The series for the export (same reading rule as the list). */
  async forExport(viewer: Viewer, benchmarkRef: string): Promise<{ code: string; series: TrackRecordSeriesDto[] }> {
    const em = this.dataSource.manager;
    const scope = await this.readable(em, viewer, benchmarkRef);
    return { code: scope.code, series: await this.seriesOf(em, scope.id) };
  }
}

/** 422 for a sheet with problems, nothing imported: each problem an item with its row, column and code. */
function sheetRefused(errors: TrackRecordImportErrorDto[]): Refusal {
  const reason = errors.length === 1 ? refusal('track-records.sheet-has-a-problem') : refusal('track-records.sheet-has-problems', { count: errors.length });
  return new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, reason, errors);
}
