import { inPipelinedTransaction, PIPELINED_TRANSACTION_LANES, PREPARED_PER_CONNECTION, prepared, queryPrepared } from '@bt/api/core';
import { createTestDatabase } from '@bt/testing';
import { Client } from 'pg';
import { DataSource, type Logger } from 'typeorm';

// A transaction sent a batch at a time (BEGIN with the first, COMMIT with the last): what commits,
// what rolls back, and that the one connection of the pool comes back clean after every failure
// (not inside a transaction, its prepared statements usable).
describe('a pipelined transaction', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let other: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    // One connection: every transaction below runs on the connection the one before it left.
    dataSource = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 1 } }).initialize();
    await dataSource.query(`CREATE TABLE item (id int PRIMARY KEY, label text NOT NULL)`);
    await dataSource.query(`CREATE TABLE once (id int, CONSTRAINT once_unique UNIQUE (id) DEFERRABLE INITIALLY DEFERRED)`);
    other = new Client({ connectionString: database.url });
    await other.connect();
  });
  afterAll(async () => {
    await other.end();
    await dataSource.destroy();
    await database.drop();
  });

  const insert = (id: number, label = `item ${id}`) => ({
    name: 'bt_test_insert',
    text: 'INSERT INTO item (id, label) VALUES ($1, $2) RETURNING id, label',
    values: [id, label],
  });
  /** What another connection sees: only what committed. */
  const committed = async () => (await other.query('SELECT id FROM item ORDER BY id')).rows.map((r) => r.id);
  /** A transaction that must work on the connection as the last one left it. */
  const works = (id: number) => inPipelinedTransaction(dataSource, (tx) => tx.commit([insert(id)]));

  it('sends BEGIN with the first batch and COMMIT with the last, and answers each statement’s rows', async () => {
    const answer = await inPipelinedTransaction(dataSource, async (tx) => {
      const [first, count] = await tx.query([insert(1, "it's"), { text: 'SELECT count(*)::int AS n FROM item' }]);
      expect(await committed()).toEqual([]); // not yet
      const [second] = await tx.commit([insert(2)]);
      return { first, count, second };
    });
    expect(answer).toEqual({ first: [{ id: 1, label: "it's" }], count: [{ n: 1 }], second: [{ id: 2, label: 'item 2' }] });
    expect(await committed()).toEqual([1, 2]);
  });

  it('rolls back when the work throws between batches', async () => {
    await expect(
      inPipelinedTransaction(dataSource, async (tx) => {
        await tx.query([insert(3)]);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await works(4);
    expect(await committed()).toEqual([1, 2, 4]);
  });

  it('skips the statements after a failed one and rolls back', async () => {
    await expect(inPipelinedTransaction(dataSource, (tx) => tx.query([insert(5), { text: 'SELECT 1 / 0' }, insert(6)]))).rejects.toThrow('division by zero');
    await expect(inPipelinedTransaction(dataSource, (tx) => tx.commit([insert(7), insert(4)]))).rejects.toThrow(/duplicate key/);
    await works(8);
    expect(await committed()).toEqual([1, 2, 4, 8]);
  });

  it('ends with a COMMIT that fails (a deferred constraint), and the connection goes on', async () => {
    await expect(inPipelinedTransaction(dataSource, (tx) => tx.commit([{ text: 'INSERT INTO once VALUES (1), (1)' }, insert(9)]))).rejects.toThrow(
      /once_unique/,
    );
    await works(10);
    expect(await committed()).toEqual([1, 2, 4, 8, 10]);
  });

  it('runs a prepared statement again after it failed (parsed, then failed to execute)', async () => {
    const divide = (by: number) => ({ name: 'bt_test_divide', text: 'SELECT 10 / $1::int AS q', values: [by] });
    await expect(inPipelinedTransaction(dataSource, (tx) => tx.commit([divide(0)]))).rejects.toThrow('division by zero');
    expect(await inPipelinedTransaction(dataSource, (tx) => tx.commit([divide(2)]))).toEqual([[{ q: 5 }]]);
    expect(await inPipelinedTransaction(dataSource, (tx) => tx.commit([divide(5)]))).toEqual([[{ q: 2 }]]);
  });

  it('prepares a statement afresh when the schema changed under it', async () => {
    const first = { name: 'bt_test_first', text: 'SELECT * FROM item ORDER BY id LIMIT 1' };
    expect(await inPipelinedTransaction(dataSource, (tx) => tx.commit([first]))).toEqual([[{ id: 1, label: "it's" }]]);
    await other.query(`ALTER TABLE item ADD COLUMN note text`);
    await expect(inPipelinedTransaction(dataSource, (tx) => tx.commit([first]))).rejects.toThrow('cached plan must not change result type');
    expect(await inPipelinedTransaction(dataSource, (tx) => tx.commit([first]))).toEqual([[{ id: 1, label: "it's", note: null }]]);
  });

  it('refuses to end without COMMIT, and rolls back', async () => {
    await expect(inPipelinedTransaction(dataSource, (tx) => tx.query([insert(11)]))).rejects.toThrow('without COMMIT');
    await works(12);
    expect(await committed()).toEqual([1, 2, 4, 8, 10, 12]);
  });

  it('runs at most PIPELINED_TRANSACTION_LANES at once, the others in their turn', async () => {
    const wide = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 12 } }).initialize();
    try {
      let open = 0;
      let most = 0;
      // The first transactions wait until every lane is taken, so the count does not depend on how
      // fast connections open: with fewer lanes this never resolves, with more the extra ones count.
      let everyLaneTaken!: () => void;
      const lanesTaken = new Promise<void>((resolve) => (everyLaneTaken = resolve));
      const ids = Array.from({ length: 12 }, (_, i) => 100 + i);
      await Promise.all(
        ids.map((id) =>
          inPipelinedTransaction(wide, async (tx) => {
            most = Math.max(most, ++open);
            if (open === PIPELINED_TRANSACTION_LANES) everyLaneTaken();
            await lanesTaken;
            await tx.query([{ text: 'SELECT pg_sleep(0.02)' }]);
            open--;
            return tx.commit([insert(id)]);
          }),
        ),
      );
      expect(most).toBe(PIPELINED_TRANSACTION_LANES);
      expect(await committed()).toEqual(expect.arrayContaining(ids));
    } finally {
      await wide.destroy();
    }
  });

  it('closes a connection that failed, and the pool opens another', async () => {
    await expect(
      inPipelinedTransaction(dataSource, (tx) => tx.query([insert(13), { text: 'SELECT pg_terminate_backend(pg_backend_pid())' }])),
    ).rejects.toThrow();
    await works(14);
    expect((await committed()).filter((id) => id < 100)).toEqual([1, 2, 4, 8, 10, 12, 14]);
  });
});

// A read outside a transaction, prepared on its connection (queryPrepared, prepared): parsed once per
// connection, its rows read as TypeORM's would be, and the connection back in the pool after any failure.
describe('a prepared read', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  /** The statements the DataSource's logger was told failed. */
  const failed: string[] = [];
  const logger: Logger = {
    logQuery: () => undefined,
    logQueryError: (_error, query) => void failed.push(query),
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    // One connection: each read runs on the connection the one before it left.
    dataSource = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 1 }, logger }).initialize();
    await dataSource.query(`CREATE TABLE item (id int PRIMARY KEY, label text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
    await dataSource.query(`INSERT INTO item (id, label) VALUES (1, 'one'), (2, 'two')`);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  /** The statements prepared on the pool's one connection, as that connection sees them. */
  const preparedHere = async () =>
    (await dataSource.query(`SELECT name, statement FROM pg_prepared_statements ORDER BY name`)) as { name: string; statement: string }[];

  it('answers the rows as TypeORM reads them, and prepares the statement once per connection', async () => {
    const text = `SELECT id, label, at, json_build_object('n', id) AS facts FROM item WHERE id = $1`;
    const [first] = await queryPrepared<{ id: number; label: string; at: Date; facts: { n: number } }>(dataSource, { text, values: [1] });
    expect(first).toEqual({ id: 1, label: 'one', at: expect.any(Date), facts: { n: 1 } });
    expect(await prepared(dataSource).query(text, [2])).toEqual([expect.objectContaining({ id: 2, label: 'two' })]);
    expect(await dataSource.query(text, [2])).toEqual(await prepared(dataSource).query(text, [2]));
    // Named by its text: one prepared statement for every call of it.
    expect((await preparedHere()).filter((p) => p.statement === text)).toHaveLength(1);
  });

  it('keeps a name it is given', async () => {
    await queryPrepared(dataSource, { name: 'bt_test_labels', text: 'SELECT label FROM item ORDER BY id' });
    expect(await preparedHere()).toEqual(expect.arrayContaining([{ name: 'bt_test_labels', statement: 'SELECT label FROM item ORDER BY id' }]));
  });

  it('rejects with PostgreSQL’s error, and the connection serves the next read', async () => {
    const divide = (by: number) => ({ text: 'SELECT 10 / $1::int AS q', values: [by] });
    await expect(queryPrepared(dataSource, divide(0))).rejects.toMatchObject({ code: '22012', message: 'division by zero' });
    expect(await queryPrepared(dataSource, divide(5))).toEqual([{ q: 2 }]);
    await expect(queryPrepared(dataSource, { text: 'SELECT no_such_column FROM item' })).rejects.toMatchObject({ code: '42703' });
    expect(await queryPrepared(dataSource, divide(2))).toEqual([{ q: 5 }]);
    // Each failure told to the logger, as TypeORM tells it of its own.
    expect(failed).toEqual(['SELECT 10 / $1::int AS q', 'SELECT no_such_column FROM item']);
  });

  it('prepares a statement afresh and reads again when the schema changed under it (a migration meanwhile)', async () => {
    const all = { text: 'SELECT * FROM item WHERE id = 1' };
    expect(await queryPrepared(dataSource, all)).toEqual([expect.not.objectContaining({ note: null })]);
    await dataSource.query(`ALTER TABLE item ADD COLUMN note text`);
    failed.length = 0;
    expect(await queryPrepared(dataSource, all)).toEqual([expect.objectContaining({ id: 1, note: null })]);
    expect(failed).toEqual([]); // sent again, not failed
    // Any other error is answered as it came: a read is sent again only for this one.
    await expect(queryPrepared(dataSource, { text: 'SELECT 1 / 0' })).rejects.toMatchObject({ code: '22012' });
  });

  it('keeps at most PREPARED_PER_CONNECTION statements prepared, closing the least recently used', async () => {
    const numbered = (n: number) => ({ text: `SELECT ${n} AS n` });
    await queryPrepared(dataSource, numbered(0));
    for (let n = 1; n <= PREPARED_PER_CONNECTION + 20; n++) {
      expect(await queryPrepared(dataSource, numbered(n))).toEqual([{ n }]);
      if (n % 10 === 0) await queryPrepared(dataSource, numbered(0)); // used again and again: kept
    }
    const here = (await preparedHere()).map((p) => p.statement);
    expect(here.length).toBeLessThanOrEqual(PREPARED_PER_CONNECTION);
    expect(here).toEqual(expect.arrayContaining(['SELECT 0 AS n', `SELECT ${PREPARED_PER_CONNECTION + 20} AS n`]));
    expect(here).not.toContain('SELECT 1 AS n');
    // One that was closed is prepared again when it comes back.
    expect(await queryPrepared(dataSource, numbered(1))).toEqual([{ n: 1 }]);
    expect((await preparedHere()).map((p) => p.statement)).toContain('SELECT 1 AS n');
  });

  it('closes a connection that failed, and the pool opens another', async () => {
    const pid = (await queryPrepared<{ pid: number }>(dataSource, { text: 'SELECT pg_backend_pid() AS pid' }))[0].pid;
    await expect(queryPrepared(dataSource, { text: 'SELECT pg_terminate_backend(pg_backend_pid())' })).rejects.toThrow();
    const [next] = await queryPrepared<{ pid: number }>(dataSource, { text: 'SELECT pg_backend_pid() AS pid' });
    expect(next.pid).not.toBe(pid);
  });
});
