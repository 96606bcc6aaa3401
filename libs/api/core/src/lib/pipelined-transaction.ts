import { createHash } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';

/** A statement of a pipelined transaction; `name` makes it a prepared statement on each connection (parsed and planned there once). */
export interface Statement {
  name?: string;
  text: string;
  values?: readonly unknown[];
}

/** A row as a statement answers it; a caller names its columns with the type parameter of `query` and `commit`. */
export type Row = Record<string, unknown>;

/**
 * A transaction that sends its statements a batch at a time: BEGIN with the first batch, COMMIT with
 * the last, each batch in one write ending in one Sync, which PostgreSQL answers in one go. A batch's
 * statements run one after the other as if sent one by one, without a round trip between them: a
 * short transaction costs two round trips instead of one per statement, and what its last batch
 * locks (the audit chain) is held for no round trip at all. Statements after a failed one are
 * skipped, as PostgreSQL skips them until the Sync; the batch fails with that error.
 */
export interface PipelinedTransaction {
  /** BEGIN (with the first batch) and these statements; each statement's rows (typed `R` by the caller). */
  query<R extends object = Row>(statements: readonly Statement[]): Promise<R[][]>;
  /** These statements, then COMMIT; each statement's rows. The transaction is over after it. */
  commit<R extends object = Row>(statements: readonly Statement[]): Promise<R[][]>;
}

/**
 * Runs `work` in a pipelined transaction on a connection of the DataSource's own pool, once one of
 * the PIPELINED_TRANSACTION_LANES is free. `work` ends with `tx.commit(...)`; if it throws before,
 * or a batch fails, the transaction is rolled back and the error thrown again. A connection left in
 * doubt is closed, not handed to the next caller.
 */
export async function inPipelinedTransaction<T>(dataSource: DataSource, work: (tx: PipelinedTransaction) => Promise<T>): Promise<T> {
  await lanes.enter();
  try {
    return await inTransaction(dataSource, work);
  } finally {
    lanes.leave();
  }
}

/**
 * How many pipelined transactions run at once in this process; the others wait in inPipelined-
 * Transaction, before BEGIN, in the order they came. Transactions that append to the audit chain
 * commit one at a time (its lock): more of them open at once only queue in PostgreSQL, each holding
 * a connection, its row locks and an open transaction that every snapshot must take into account,
 * which costs PostgreSQL CPU per transaction and keeps the pool's connections from other requests.
 * (npm run bench on 2 cores: 2 lanes leave the machine idle between round trips, 3–4 do best, 6 or
 * more cost PostgreSQL 0.2 ms more per transition.)
 */
export const PIPELINED_TRANSACTION_LANES = 4;

class Lanes {
  private busy = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly size: number) {}

  enter(): Promise<void> | void {
    if (this.busy < this.size) {
      this.busy++;
      return;
    }
    return new Promise<void>((resolve) => this.queue.push(resolve));
  }

  /** Hands the lane to the next in line, or frees it. */
  leave(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.busy--;
  }
}

const lanes = new Lanes(PIPELINED_TRANSACTION_LANES);

/**
 * One read outside a transaction, as a batch of its own on a connection of the DataSource's pool,
 * prepared there once (named by its text unless it has a name) and only bound and executed after.
 * The reads every page makes are statements of many subqueries whose planning costs PostgreSQL
 * several times their execution: a benchmark's page at 500 benchmarks, 1.8–2.0 ms of PostgreSQL's
 * CPU sent as text, 0.3 ms prepared. After five executions PostgreSQL may keep one generic plan for
 * all values, so prepare statements whose values do not call for different plans (a key, a user, a
 * country), not one whose best plan depends on how many rows a value matches.
 */
export async function queryPrepared<R extends object = Row>(dataSource: DataSource, statement: Statement): Promise<R[]> {
  const named = { name: statement.name ?? preparedName(statement.text), text: statement.text, values: statement.values };
  try {
    try {
      return await readOnce<R>(dataSource, named);
    } catch (error) {
      // A migration (another instance's, in a rolling update) changed what the statement answers: the
      // connection prepares it afresh, and a read can simply be sent again.
      if ((error as { code?: string }).code !== CACHED_PLAN_CHANGED) throw error;
      return await readOnce<R>(dataSource, named);
    }
  } catch (error) {
    // Told to the DataSource's logger as TypeORM's own query tells it (DatabaseLogger: the text, never the values).
    dataSource.logger.logQueryError(error instanceof Error ? error : String(error), named.text, named.values as unknown[]);
    throw error;
  }
}

/** SQLSTATE feature_not_supported, as PostgreSQL answers 'cached plan must not change result type'. */
const CACHED_PLAN_CHANGED = '0A000';

async function readOnce<R extends object>(dataSource: DataSource, named: Statement): Promise<R[]> {
  const [client, release] = await obtainConnection(dataSource);
  const batch = new Batch([named], (client._types as TypeParsers | undefined) ?? defaultTypes);
  // As TypeORM's query runner does: a connection that fails while checked out must not crash the process.
  let broken: unknown;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    client.query(batch);
    await batch.done;
    return batch.rows[0] as R[];
  } catch (error) {
    // The connection failed, or PostgreSQL ends the session with this error (FATAL: the backend goes away).
    if (!batch.refused && (batch.failedAt === null || (error as { severity?: string }).severity === 'FATAL')) broken = error;
    throw error;
  } finally {
    client.removeListener('error', onError);
    release(broken);
  }
}

/** The DataSource's reads, prepared (queryPrepared): `rows(prepared(dataSource), sql`…`)`, or `.query(text, values)` as TypeORM's. */
export function prepared(dataSource: DataSource): { query<R extends object = Row>(text: string, values?: readonly unknown[]): Promise<R[]> } {
  return { query: (text, values) => queryPrepared(dataSource, { text, values }) };
}

/** A statement's name derived from its text: statements built from parts (a list's filters) are each prepared once. */
function preparedName(text: string): string {
  return `bt_${createHash('sha1').update(text).digest('base64url')}`;
}

function obtainConnection(dataSource: DataSource): Promise<[PgClient, (error?: unknown) => void]> {
  const driver = dataSource.driver as unknown as { obtainMasterConnection(): Promise<[PgClient, (error?: unknown) => void]> };
  return driver.obtainMasterConnection();
}

async function inTransaction<T>(dataSource: DataSource, work: (tx: PipelinedTransaction) => Promise<T>): Promise<T> {
  const [client, release] = await obtainConnection(dataSource);
  const tx = new Transaction(client);
  // As TypeORM's query runner does: a connection that fails while checked out must not crash the process.
  const onError = () => (tx.state = 'broken');
  client.on('error', onError);
  let broken: unknown;
  try {
    const result = await work(tx);
    if (tx.state !== 'done') throw new Error('a pipelined transaction ended without COMMIT');
    return result;
  } catch (error) {
    if (tx.state === 'broken') broken = error;
    else if (tx.state === 'open') {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError));
    }
    throw error;
  } finally {
    client.removeListener('error', onError);
    release(broken);
  }
}

// ─── what this needs of `pg` 8 beyond its query API: a Submittable (as pg-cursor is) and the protocol messages of its Connection ───

interface PgConnection {
  stream: { cork?(): void; uncork?(): void };
  parse(query: { name?: string; text: string }): void;
  bind(config: { statement?: string; values?: unknown[] }): void;
  describe(message: { type: 'S' | 'P'; name?: string }): void;
  execute(config: { portal?: string; rows?: number }): void;
  close(message: { type: 'S' | 'P'; name?: string }): void;
  sync(): void;
}

interface PgClient {
  query(submittable: Batch): unknown;
  query(text: string): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): void;
  removeListener(event: 'error', listener: (error: Error) => void): void;
  _types?: unknown;
}

type Parser = (value: string) => unknown;
interface TypeParsers {
  getTypeParser(oid: number, format: 'text'): Parser;
}

const {
  types: defaultTypes,
  utils,
  DatabaseError,
} = pg as unknown as {
  types: TypeParsers;
  utils: { prepareValue(value: unknown): unknown };
  DatabaseError: new (...args: never[]) => Error;
};

/** What a statement answers: its columns' names and how to read each (text format); null: no rows. */
type Shape = { names: string[]; parsers: Parser[] } | null;

/**
 * Prepared statements kept on a connection at most. Each holds its plan in the backend's memory, and
 * statements built from parts (the list's filters and page sizes) make many texts: past this many, the
 * least recently used is closed when a new one is prepared.
 */
export const PREPARED_PER_CONNECTION = 100;

/**
 * Per connection, the prepared statements known to exist there (name → text, and their shape once
 * seen: later executions skip Describe), and those that may or may not (a batch failed at them).
 */
interface Prepared {
  known: Map<string, { text: string; shape?: Shape }>;
  unsure: Set<string>;
}
const preparedOn = new WeakMap<PgConnection, Prepared>();

type State = 'new' | 'open' | 'done' | 'broken';

class Transaction implements PipelinedTransaction {
  state: State = 'new';

  constructor(private readonly client: PgClient) {}

  query<R extends object = Row>(statements: readonly Statement[]): Promise<R[][]> {
    return this.send(statements, false) as Promise<R[][]>;
  }

  commit<R extends object = Row>(statements: readonly Statement[]): Promise<R[][]> {
    return this.send(statements, true) as Promise<R[][]>;
  }

  private async send(statements: readonly Statement[], commit: boolean): Promise<Row[][]> {
    if (this.state === 'done' || this.state === 'broken') throw new Error('this pipelined transaction is over');
    const begin = this.state === 'new';
    const all: Statement[] = [...(begin ? [{ text: 'BEGIN' }] : []), ...statements, ...(commit ? [{ text: 'COMMIT' }] : [])];
    const batch = new Batch(all, (this.client._types as TypeParsers | undefined) ?? defaultTypes);
    this.client.query(batch);
    try {
      await batch.done;
    } catch (error) {
      const at = batch.failedAt;
      if (batch.refused)
        this.state = begin ? 'done' : 'open'; // nothing was sent
      else if (at === null)
        this.state = 'broken'; // the connection failed
      else if (at === all.length)
        this.state = commit ? 'done' : 'open'; // every statement ran (a row could not be read)
      else if ((begin && at === 0) || (commit && at === all.length - 1))
        this.state = 'done'; // no BEGIN, or a failed COMMIT, which ends it
      else this.state = 'open'; // aborted until ROLLBACK
      throw error;
    }
    this.state = commit ? 'done' : 'open';
    return batch.rows.slice(begin ? 1 : 0, commit ? -1 : undefined);
  }
}

/**
 * A batch of statements as one `pg` query: Parse (once per connection for a named statement),
 * Bind, Describe (until a named statement's answer is known) and Execute for each, then one Sync,
 * all in one write. `pg` hands it PostgreSQL's answers in order; each statement's answer ends with
 * its CommandComplete.
 */
class Batch {
  readonly rows: Row[][];
  readonly done: Promise<void>;
  /** The statement that failed (statements.length: a row that could not be read); null: the connection failed. */
  failedAt: number | null = null;
  /** `submit` found the batch could not be sent (nothing was written). */
  refused = false;
  private current = 0;
  private rowError: unknown = null;
  private parsedHere: string[] = [];
  /** Each statement's shape: known before, or read from its RowDescription (undefined until then). */
  private shapes: (Shape | undefined)[];
  private described: boolean[];
  private cache: Prepared = { known: new Map(), unsure: new Set() };
  private settle!: (error?: unknown) => void;

  constructor(
    private readonly statements: readonly Statement[],
    private readonly types: TypeParsers,
  ) {
    this.rows = statements.map(() => []);
    this.shapes = statements.map(() => undefined);
    this.described = statements.map(() => false);
    this.done = new Promise<void>((resolve, reject) => (this.settle = (error) => (error === undefined ? resolve() : reject(error))));
  }

  /** Called by `pg` when the connection is free: writes the whole batch, or returns why it cannot (then nothing is written). */
  submit(connection: PgConnection): Error | null {
    let cache = preparedOn.get(connection);
    if (!cache) preparedOn.set(connection, (cache = { known: new Map(), unsure: new Set() }));
    this.cache = cache;
    // Everything that may throw, before anything is written.
    let values: unknown[][];
    try {
      values = this.statements.map((s) => (s.values ?? []).map((v) => utils.prepareValue(v)));
      for (const s of this.statements) {
        const known = s.name ? cache.known.get(s.name) : undefined;
        if (known !== undefined && known.text !== s.text) throw new Error(`the prepared statement ${s.name} was given another text`);
      }
    } catch (error) {
      this.refused = true;
      return error instanceof Error ? error : new Error(String(error));
    }
    const evicted = this.makeRoom(cache);
    connection.stream.cork?.();
    try {
      // First, before anything can fail: the statements closed to make room (closing is never refused).
      for (const name of evicted) connection.close({ type: 'S', name });
      this.statements.forEach((s, i) => {
        const known = s.name ? cache.known.get(s.name) : undefined;
        if (!s.name) connection.parse({ text: s.text });
        else if (!known && !this.parsedHere.includes(s.name)) {
          if (cache.unsure.has(s.name)) connection.close({ type: 'S', name: s.name }); // no error if it does not exist
          connection.parse({ name: s.name, text: s.text });
          this.parsedHere.push(s.name);
        }
        connection.bind({ statement: s.name ?? '', values: values[i] });
        if (known?.shape !== undefined) this.shapes[i] = known.shape;
        else if (s.text !== 'BEGIN' && s.text !== 'COMMIT') {
          connection.describe({ type: 'P' });
          this.described[i] = true;
        }
        connection.execute({});
      });
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  /**
   * Keeps the connection's prepared statements within PREPARED_PER_CONNECTION: marks this batch's
   * named statements as the most recently used, and answers the others to close (forgotten here) so
   * that this batch's new ones fit.
   */
  private makeRoom(cache: Prepared): string[] {
    const names = new Set(this.statements.flatMap((s) => (s.name ? [s.name] : [])));
    let fresh = 0;
    for (const name of names) {
      const known = cache.known.get(name);
      if (known !== undefined) {
        cache.known.delete(name); // set again: a Map keeps the order of insertion
        cache.known.set(name, known);
      } else if (!cache.unsure.has(name)) {
        fresh++;
      }
    }
    if (cache.known.size + cache.unsure.size + fresh <= PREPARED_PER_CONNECTION) return [];
    // Those that may exist (a batch failed at them) first, then the least recently used.
    const evicted: string[] = [];
    for (const name of [...cache.unsure, ...cache.known.keys()]) {
      if (cache.known.size + cache.unsure.size - evicted.length + fresh <= PREPARED_PER_CONNECTION) break;
      if (!names.has(name)) evicted.push(name);
    }
    for (const name of evicted) {
      cache.known.delete(name);
      cache.unsure.delete(name);
    }
    return evicted;
  }

  handleRowDescription(message: { fields: { name: string; dataTypeID: number }[] }): void {
    if (this.current >= this.statements.length) return;
    this.shapes[this.current] = {
      names: message.fields.map((f) => f.name),
      parsers: message.fields.map((f) => this.types.getTypeParser(f.dataTypeID, 'text')),
    };
  }

  handleDataRow(message: { fields: (string | null)[] }): void {
    const shape = this.shapes[this.current];
    if (!shape || this.rowError) return;
    try {
      const row: Row = {};
      for (let i = 0; i < shape.names.length; i++) {
        const value = message.fields[i];
        row[shape.names[i]] = value === null ? null : shape.parsers[i](value);
      }
      this.rows[this.current].push(row);
    } catch (error) {
      this.rowError = error;
    }
  }

  handleCommandComplete(): void {
    this.finish(this.current++);
  }

  handleEmptyQuery(): void {
    this.finish(this.current++);
  }

  /** A statement failed (PostgreSQL skips the rest until the Sync), or the connection did, or `submit` refused. */
  handleError(error: unknown): void {
    const statement = error instanceof DatabaseError;
    this.failedAt = statement ? this.current : null;
    this.remember(statement ? this.current : -1);
    this.settle(error);
  }

  handleReadyForQuery(): void {
    this.remember(this.statements.length);
    if (this.rowError) this.failedAt = this.statements.length;
    this.settle(this.rowError ?? undefined);
  }

  handlePortalSuspended(): void {
    // Never: every Execute asks for all rows.
  }

  handleCopyInResponse(): void {
    // Never: no COPY.
  }

  handleCopyData(): void {
    // Never: no COPY.
  }

  /** A statement described here that answered no RowDescription answers no rows. */
  private finish(index: number): void {
    if (this.described[index] && this.shapes[index] === undefined) this.shapes[index] = null;
  }

  /**
   * Which statements parsed in this batch now exist: those before `reached`; the one at `reached`
   * may or may not (-1: none is known). A known statement keeps the shape of its answer.
   */
  private remember(reached: number): void {
    for (const name of this.parsedHere) {
      const index = this.statements.findIndex((s) => s.name === name);
      if (reached >= 0 && index < reached) {
        this.cache.known.set(name, { text: this.statements[index].text, shape: this.shapes[index] });
        this.cache.unsure.delete(name);
      } else if (reached < 0 || index === reached) {
        this.cache.unsure.add(name);
      }
    }
    this.parsedHere = [];
    // A prepared statement that failed is prepared afresh next time: it may have failed because the
    // schema changed under it ('cached plan must not change result type' until it is).
    const failed = reached >= 0 && reached < this.statements.length ? this.statements[reached].name : undefined;
    if (failed && this.cache.known.delete(failed)) this.cache.unsure.add(failed);
  }
}
