import pg from 'pg';

/**
 * Hand-written SQL, typed: `sql` builds a statement as a tagged template, `rows<T>` runs it and
 * types its rows. A value written into the template becomes a parameter; a fragment (another `sql`)
 * is nested as SQL with its own values. `text` numbers the parameters $1, $2, … in the order they
 * appear, so fragments compose without numbering by hand:
 *
 *   const seen = sql`(m.country_code = ${country} OR ${userId} = ANY(m.experts))`;
 *   await rows<{ id: string }>(em, sql`SELECT m.id FROM mission m WHERE ${seen} AND m.state = ${state}`);
 *
 * A value given as `sql.param(value)` keeps one number however often it is written (a search's query).
 * Only trusted text (column lists, aliases, numbers the code chose) goes in through `sql.raw`.
 */
export class Sql {
  /** `chunks.length === items.length + 1`: text, item, text, …, text. */
  private constructor(
    private readonly chunks: readonly string[],
    private readonly items: readonly Param[],
  ) {}

  /** @internal the tag's implementation */
  static of(strings: readonly string[], values: readonly unknown[]): Sql {
    const chunks = [strings[0]];
    const items: Param[] = [];
    values.forEach((value, i) => {
      if (value instanceof Sql) {
        chunks[chunks.length - 1] += value.chunks[0];
        items.push(...value.items);
        chunks.push(...value.chunks.slice(1));
      } else {
        items.push(value instanceof Param ? value : new Param(value));
        chunks.push('');
      }
      chunks[chunks.length - 1] += strings[i + 1];
    });
    return new Sql(chunks, items);
  }

  /** The statement's text, its parameters numbered from $1 (a `sql.param` once). */
  get text(): string {
    const numbers = new Map<Param, number>();
    return this.chunks.reduce((text, chunk, i) => {
      const item = this.items[i - 1];
      let n = numbers.get(item);
      if (n === undefined) numbers.set(item, (n = numbers.size + 1));
      return `${text}$${n}${chunk}`;
    });
  }

  /** The parameters' values, in the order of their numbers. */
  get values(): unknown[] {
    return [...new Set(this.items)].map((p) => p.value);
  }
}

/** A value bound as one parameter wherever it is written. */
export class Param {
  constructor(readonly value: unknown) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return Sql.of(strings, values);
}

/** Trusted SQL text as a fragment (never a caller's input). */
sql.raw = (text: string): Sql => Sql.of([text], []);
/** One parameter for a value written several times. */
sql.param = (value: unknown): Param => new Param(value);
/** Fragments joined by a separator (`', '`, `' AND '`, …). */
sql.join = (fragments: readonly Sql[], separator: string): Sql => Sql.of(fragments.map((_, i) => (i === 0 ? '' : separator)).concat(''), fragments);

/** What runs a statement: a DataSource or an EntityManager (inside a transaction). */
export interface SqlRunner {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/**
 * The rows a statement answers, typed as the caller says they are (the SQL's column list is the
 * truth; `T` names it). UPDATE and DELETE … RETURNING answer TypeORM's `[rows, count]`: their rows.
 */
export async function rows<T>(runner: SqlRunner, query: Sql): Promise<T[]> {
  const answer = await runner.query(query.text, query.values);
  const all = Array.isArray(answer) && answer.length === 2 && Array.isArray(answer[0]) && typeof answer[1] === 'number' ? answer[0] : answer;
  return all as T[];
}

/**
 * How the API reads PostgreSQL's types, for every connection of its pool (`dataSourceOptions`):
 * pg's own parsers, except `date`, which stays the text PostgreSQL sends ('2026-03-01'). pg would
 * make it a Date at midnight of the server's time zone, which is another day in UTC; a date column is
 * a day, and the API answers it as one. `timestamptz` is a Date (an instant); inside `json_agg` or
 * `json_build_object` it arrives as ISO text, which is the only place `new Date(…)` reads one.
 */
export const DATABASE_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    const parser = pg.types.getTypeParser as (oid: number, format?: string) => (value: string) => unknown;
    if (format === 'binary') return parser(oid, format);
    if (oid === DATE_OID) return (value) => value;
    if (oid === DATE_ARRAY_OID) return parser(TEXT_ARRAY_OID, format); // date[] as text[]
    return parser(oid, format);
  },
};

const [DATE_OID, DATE_ARRAY_OID, TEXT_ARRAY_OID] = [1082, 1182, 1009];
