import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditActor, AuditService } from './audit.service';

/** Who wrote the demo content, as the audit trail records it. */
export const DEMO_SEED_ACTOR: AuditActor = { id: null, label: 'system: demo seed', ip: null };

/** A file of seeds/demo, parsed. */
export async function readDemoFile<T>(seedsDir: string, name: string): Promise<T> {
  return JSON.parse(await readFile(join(seedsDir, 'demo', name), 'utf8')) as T;
}

/** The accounts and benchmarks a demo file names, by e-mail and by code; null when the database has none. */
export class DemoNames {
  private readonly known = new Map<string, string | null>();

  constructor(readonly em: EntityManager) {}

  user(email: string): Promise<string | null> {
    return this.id(`SELECT id FROM app_user WHERE email = $1`, email);
  }

  benchmark(code: string): Promise<string | null> {
    return this.id(`SELECT id FROM benchmark WHERE code = $1`, code);
  }

  private async id(sql: string, name: string): Promise<string | null> {
    const key = `${sql}\0${name}`;
    if (!this.known.has(key)) {
      const [row] = await this.em.query(sql, [name]);
      this.known.set(key, row?.id ?? null);
    }
    return this.known.get(key) ?? null;
  }
}

/** How a demo is seeded once: its advisory lock, the table that must be empty (of rows matching `where`), the audit event's entity type (the table's name unless given). */
export interface DemoOnce {
  lock: string;
  table: string;
  where?: string;
  entityType?: string;
}

/**
 * Demo content, seeded once: under an advisory lock (two processes starting together seed it once),
 * only while `table` has no row (matching `where`, when given), in one transaction that ends with one
 * `demo.seeded` audit event.
 * `seed` inserts the content and returns the event's data, or null (before inserting anything) to
 * seed nothing, e.g. when the demo accounts it names are missing.
 */
export async function seedDemoOnce(
  dataSource: DataSource,
  audit: AuditService,
  options: DemoOnce,
  seed: (em: EntityManager, names: DemoNames) => Promise<Record<string, unknown> | null>,
): Promise<boolean> {
  return dataSource.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [options.lock]);
    const [{ count }] = await em.query(`SELECT count(*)::int AS count FROM ${options.table}${options.where ? ` WHERE ${options.where}` : ''}`);
    if (count > 0) return false;
    const data = await seed(em, new DemoNames(em));
    if (!data) return false;
    await audit.record(em, DEMO_SEED_ACTOR, { action: 'demo.seeded', entityType: options.entityType ?? options.table, data });
    return true;
  });
}

/**
 * What every demo seed of a seeds/demo file does around its own content: read the file, seed it once
 * (seedDemoOnce: locked, only on an empty table, one transaction with its audit event) and say in the
 * log what it created. Each domain's demo service gives the file's name, its table and its inserts.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async seedFile<F>(
    seedsDir: string,
    demo: DemoOnce & { file: string; created: (file: F) => string },
    seed: (file: F, em: EntityManager, names: DemoNames) => Promise<Record<string, unknown> | null>,
  ): Promise<boolean> {
    const file = await readDemoFile<F>(seedsDir, demo.file);
    const seeded = await seedDemoOnce(this.dataSource, this.audit, demo, (em, names) => seed(file, em, names));
    if (seeded) this.logger.log(demo.created(file));
    return seeded;
  }
}
