import type { Client } from 'pg';

/** TypeORM's record of the migrations run: made again by the restore's own migrations, never copied. */
export const MIGRATIONS_TABLE = 'migrations';

/**
 * Settings under which COPY's text is the same on every server and session, so that a table's
 * checksum taken at backup matches the one taken after the restore (dates in UTC and ISO form, …).
 */
export async function settleSession(client: Client): Promise<void> {
  await client.query(
    `SET client_encoding = 'UTF8'; SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 1; SET bytea_output = 'hex'`,
  );
}

export function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface TableShape {
  name: string;
  /** Its columns but generated ones (PostgreSQL computes those again as rows are loaded). */
  columns: string[];
}

/**
 * The public schema's tables (but `migrations`), referenced tables before those referring to them,
 * so that a load in this order satisfies every foreign key as it goes.
 */
export async function tablesInLoadOrder(client: Client): Promise<TableShape[]> {
  const { rows: tables } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array(SELECT a.attname FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                   ORDER BY a.attnum)::text[] AS columns
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> $1
      ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  const { rows: references } = await client.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND child.oid <> parent.oid`,
  );
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const r of references) parents.get(r.child)?.add(r.parent);
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t.name) && [...(parents.get(t.name) ?? [])].every((p) => placed.has(p)));
    if (!ready.length) {
      const left = tables.filter((t) => !placed.has(t.name)).map((t) => t.name);
      throw new Error(`these tables refer to each other in a cycle, which no load order satisfies: ${left.join(', ')}`);
    }
    for (const t of ready) {
      ordered.push(t);
      placed.add(t.name);
    }
  }
  return ordered;
}

/** The public schema's sequences (serial and identity columns' included). */
export async function sequenceNames(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S' ORDER BY relname`,
  );
  return rows.map((r) => r.name);
}
