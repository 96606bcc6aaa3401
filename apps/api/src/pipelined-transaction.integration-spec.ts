import { inPipelinedTransaction, PIPELINED_TRANSACTION_LANES } from '@bt/api/core';
import { createTestDatabase } from '@bt/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

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
