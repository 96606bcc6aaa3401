import { sql } from './sql';

describe('sql', () => {
  it('makes each written value a parameter, numbered in order', () => {
    const q = sql`SELECT * FROM t WHERE a = ${1} AND b = ${'x'}`;
    expect(q.text).toBe('SELECT * FROM t WHERE a = $1 AND b = $2');
    expect(q.values).toEqual([1, 'x']);
  });

  it('nests fragments with their values, numbering across them', () => {
    const seen = sql`(c = ${'RS'} OR ${'u1'} = ANY(e))`;
    const q = sql`SELECT ${sql.raw('id')} FROM t WHERE a = ${1} AND ${seen} AND ${sql`d = ${true}`} LIMIT ${10}`;
    expect(q.text).toBe('SELECT id FROM t WHERE a = $1 AND (c = $2 OR $3 = ANY(e)) AND d = $4 LIMIT $5');
    expect(q.values).toEqual([1, 'RS', 'u1', true, 10]);
  });

  it('binds a sql.param once wherever it is written', () => {
    const words = sql.param('bench');
    const q = sql`SELECT ${'a'}, ts_rank(v, to_tsquery(${words})) FROM t WHERE v @@ to_tsquery(${words}) AND c = ${'b'}`;
    expect(q.text).toBe('SELECT $1, ts_rank(v, to_tsquery($2)) FROM t WHERE v @@ to_tsquery($2) AND c = $3');
    expect(q.values).toEqual(['a', 'bench', 'b']);
  });

  it('joins fragments, and an empty list is empty text', () => {
    const q = sql`WHERE ${sql.join([sql`a = ${1}`, sql`b = ${2}`, sql.raw('c IS NULL')], ' AND ')}`;
    expect(q.text).toBe('WHERE a = $1 AND b = $2 AND c IS NULL');
    expect(q.values).toEqual([1, 2]);
    expect(sql.join([], ', ').text).toBe('');
  });

  it('keeps null, arrays and objects as values, never as text', () => {
    const q = sql`SELECT ${null}::text, ${['a', 'b']}::text[], ${{ k: 1 }}::jsonb`;
    expect(q.text).toBe('SELECT $1::text, $2::text[], $3::jsonb');
    expect(q.values).toEqual([null, ['a', 'b'], { k: 1 }]);
  });
});
