import { DATABASE_TYPES, rows, sql } from '@bt/api/core';
import { createTestDatabase } from '@bt/testing';
import { DataSource } from 'typeorm';

// The typed SQL helper on a real PostgreSQL through TypeORM, as the services run it, with the API's type parsers.
describe('sql and rows', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 1, types: DATABASE_TYPES } }).initialize();
    await dataSource.query(`CREATE TABLE item (id int PRIMARY KEY, label text NOT NULL, due date, at timestamptz NOT NULL DEFAULT now())`);
    await dataSource.query(`INSERT INTO item (id, label, due) VALUES (1, 'one', '2026-03-01'), (2, 'two', NULL), (3, 'it''s', '2026-12-31')`);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('runs composed fragments with their parameters numbered across them', async () => {
    const some = sql`(label = ${'one'} OR label = ${"it's"})`;
    const found = await rows<{ id: number }>(dataSource, sql`SELECT id FROM item WHERE ${some} AND id > ${0} ORDER BY id`);
    expect(found).toEqual([{ id: 1 }, { id: 3 }]);
  });

  it('binds one parameter written twice', async () => {
    const label = sql.param('two');
    const [row] = await rows<{ same: boolean; id: number }>(dataSource, sql`SELECT label = ${label} AS same, id FROM item WHERE label = ${label}`);
    expect(row).toEqual({ same: true, id: 2 });
  });

  it('answers the rows of UPDATE … RETURNING and DELETE … RETURNING, not TypeORM’s [rows, count]', async () => {
    const updated = await rows<{ id: number }>(dataSource, sql`UPDATE item SET label = label WHERE id <= ${2} RETURNING id`);
    expect(updated.map((r) => r.id).sort()).toEqual([1, 2]);
    await dataSource.query(`INSERT INTO item (id, label) VALUES (9, 'gone')`);
    expect(await rows<{ id: number }>(dataSource, sql`DELETE FROM item WHERE id = ${9} RETURNING id`)).toEqual([{ id: 9 }]);
  });

  it('reads a date as the day it is and a timestamptz as an instant', async () => {
    const found = await rows<{ due: string | null; at: Date; days: string[] }>(
      dataSource,
      sql`SELECT due, at, ARRAY[due] AS days FROM item WHERE id IN (${1}, ${2}) ORDER BY id`,
    );
    expect(found.map((r) => r.due)).toEqual(['2026-03-01', null]);
    expect(found[0].at).toBeInstanceOf(Date);
    expect(found[0].days).toEqual(['2026-03-01']);
  });
});
