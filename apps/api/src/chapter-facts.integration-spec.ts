import type { ApiClient } from '@bt/testing';
import { Client } from 'pg';
import { startTestApi, type TestApi } from './testing/test-api';

/*
 * The facts that triggers keep for the chapter-wide reads (consideration_area and
 * consideration_scope for the consideration figures; action_plan_tally and action_plan_area for the
 * Action Plan summary) follow every change of what they count: proposals added, answered (one and
 * many at once), hidden, moved and removed; activities added, changed and removed, corrective
 * measures; a benchmark moved to another area (and chapter) and removed; an area moved to another
 * chapter; an activity and a measure written while a benchmark of their area moves (two
 * transactions at once, in either order). After each change every area's and scope's facts are
 * compared with the same figures counted from the rows themselves, and the two reads' answers with
 * those counted from the rows.
 */
describe('facts kept for chapter-wide reads', () => {
  let api: TestApi;
  let commission: ApiClient;
  let users: { cso: string; ministry: string };

  beforeAll(async () => {
    api = await startTestApi();
    commission = api.client({ ip: '10.12.0.1' });
    expect((await commission.signIn('commission@demo.test')).status).toBe(200);
    const [row] = await api.sql(
      `SELECT (SELECT id FROM app_user WHERE email = 'cso@demo.test') AS cso, (SELECT id FROM app_user WHERE email = 'ministry@demo.test') AS ministry`,
    );
    users = row;
  }, 60_000);
  afterAll(() => api?.close());

  /** Each proposal's days to its first answer, as ConsiderationService counted them over the proposals. */
  const COUNTED = `p.kind = 'proposal' AND p.parent_id IS NULL AND p.hidden_at IS NULL`;
  const FIGURES = `count(p.created_at)::int AS received, count(p.answer_decision)::int AS answered,
    count(*) FILTER (WHERE p.answer_decision = 'accepted')::int AS accepted, count(*) FILTER (WHERE p.answer_decision = 'partly_accepted')::int AS partly_accepted,
    count(*) FILTER (WHERE p.answer_decision = 'not_accepted')::int AS not_accepted,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.first_answered_at - p.created_at) / 86400) AS median_days,
    min(p.created_at) FILTER (WHERE p.answer_decision IS NULL) AS oldest_unanswered`;

  /** The kept facts that differ from the figures counted afresh (empty when they follow; no row is all zeros). */
  async function drift(): Promise<unknown[]> {
    const considerationAreas = await api.sql(`
      WITH counted AS (
        SELECT a.id AS area_id, ${FIGURES},
               coalesce(array_agg((extract(epoch FROM p.first_answered_at - p.created_at) / 86400)::double precision
                                  ORDER BY extract(epoch FROM p.first_answered_at - p.created_at) / 86400) FILTER (WHERE p.first_answered_at IS NOT NULL), '{}') AS days
          FROM area a LEFT JOIN benchmark b ON b.area_id = a.id LEFT JOIN proposal p ON p.benchmark_id = b.id AND p.country_code = a.country_code AND ${COUNTED}
         GROUP BY a.id)
      SELECT 'consideration_area' AS facts, row_to_json(c) AS counted, row_to_json(f) AS kept FROM counted c FULL JOIN consideration_area f ON f.area_id = c.area_id
       WHERE (c.received, c.answered, c.accepted, c.partly_accepted, c.not_accepted, c.median_days, c.oldest_unanswered, c.days)
             IS DISTINCT FROM (coalesce(f.received, 0), coalesce(f.answered, 0), coalesce(f.accepted, 0), coalesce(f.partly_accepted, 0),
                               coalesce(f.not_accepted, 0), f.median_days, f.oldest_unanswered, coalesce(f.days, '{}'))`);
    const considerationScopes = await api.sql(`
      WITH scopes AS (SELECT DISTINCT a.country_code, c.chapter_number FROM area a CROSS JOIN LATERAL (VALUES (a.chapter_number), (0)) AS c (chapter_number)),
      counted AS (
        SELECT s.country_code, s.chapter_number, x.* FROM scopes s CROSS JOIN LATERAL (
          SELECT ${FIGURES} FROM area a JOIN benchmark b ON b.area_id = a.id JOIN proposal p ON p.benchmark_id = b.id AND p.country_code = s.country_code AND ${COUNTED}
           WHERE a.country_code = s.country_code AND (s.chapter_number = 0 OR a.chapter_number = s.chapter_number)) x)
      SELECT 'consideration_scope' AS facts, row_to_json(c) AS counted, row_to_json(f) AS kept
        FROM counted c FULL JOIN consideration_scope f ON (f.country_code, f.chapter_number) = (c.country_code, c.chapter_number)
       WHERE (coalesce(c.received, 0), coalesce(c.answered, 0), coalesce(c.accepted, 0), coalesce(c.partly_accepted, 0),
              coalesce(c.not_accepted, 0), c.median_days, c.oldest_unanswered)
             IS DISTINCT FROM (coalesce(f.received, 0), coalesce(f.answered, 0), coalesce(f.accepted, 0), coalesce(f.partly_accepted, 0),
                               coalesce(f.not_accepted, 0), f.median_days, f.oldest_unanswered)`);
    // The overdue on every day around each deadline, not only today.
    const actionPlan = await api.sql(`
      WITH days AS (SELECT DISTINCT d FROM action_activity act CROSS JOIN LATERAL (VALUES (act.deadline - 1), (act.deadline), (act.deadline + 1), (CURRENT_DATE)) AS v (d)),
      counted AS (
        SELECT a.id AS area_id, count(act.id)::int AS total, count(*) FILTER (WHERE act.status = 'planned')::int AS planned,
               count(*) FILTER (WHERE act.status = 'in_progress')::int AS in_progress, count(*) FILTER (WHERE act.status = 'completed')::int AS completed,
               (SELECT count(DISTINCT m.activity_id)::int FROM benchmark mb JOIN corrective_measure m ON m.benchmark_id = mb.id WHERE mb.area_id = a.id) AS with_measure
          FROM area a LEFT JOIN benchmark b ON b.area_id = a.id LEFT JOIN action_activity act ON act.benchmark_id = b.id GROUP BY a.id)
      SELECT 'action_plan_area' AS facts, row_to_json(c) AS counted, row_to_json(f) AS kept FROM counted c LEFT JOIN action_plan_area f ON f.area_id = c.area_id
       WHERE (c.total, c.planned, c.in_progress, c.completed, c.with_measure)
             IS DISTINCT FROM (coalesce(f.total, 0), coalesce(f.planned, 0), coalesce(f.in_progress, 0), coalesce(f.completed, 0), coalesce(f.with_measure, 0))
          OR EXISTS (SELECT 1 FROM days
                      WHERE coalesce(f.open_due[width_bucket(days.d - 1, f.open_deadlines)], 0) <>
                            (SELECT count(*) FROM benchmark b JOIN action_activity act ON act.benchmark_id = b.id
                              WHERE b.area_id = c.area_id AND act.deadline < days.d AND act.status <> 'completed'))`);
    const tally = await api.sql(`
      WITH counted AS (SELECT b.area_id, act.status, act.deadline, count(*)::int AS activities
                         FROM action_activity act JOIN benchmark b ON b.id = act.benchmark_id GROUP BY 1, 2, 3)
      SELECT 'action_plan_tally' AS facts, row_to_json(c) AS counted, row_to_json(t) AS kept FROM counted c FULL JOIN (SELECT * FROM action_plan_tally WHERE activities > 0) t
        ON (t.area_id, t.status, t.deadline) = (c.area_id, c.status, c.deadline)
       WHERE c.activities IS DISTINCT FROM t.activities`);
    return [...considerationAreas, ...considerationScopes, ...actionPlan, ...tally];
  }

  /** The two reads' answers against the figures counted from the rows (as the reads counted them before the facts). */
  async function answersFollow(): Promise<void> {
    for (const [country, chapter] of [
      ['RS', 24],
      ['RS', 23],
      ['RS', null],
    ] as const) {
      const answer = (await commission.get(`/api/consideration?country=${country}${chapter ? `&chapter=${chapter}` : ''}`)).body;
      const [counted] = await api.sql(
        `SELECT (SELECT row_to_json(t) FROM (SELECT ${FIGURES} FROM area a JOIN benchmark b ON b.area_id = a.id
                   JOIN proposal p ON p.benchmark_id = b.id AND p.country_code = $1 AND ${COUNTED}
                  WHERE a.country_code = $1 AND ($2::int IS NULL OR a.chapter_number = $2)) t) AS total,
                (SELECT coalesce(json_agg(x ORDER BY x.chapter_number, x.position, x.code), '[]') FROM (
                   SELECT a.code, a.chapter_number, a.position, f.* FROM area a LEFT JOIN LATERAL (
                     SELECT ${FIGURES} FROM benchmark b JOIN proposal p ON p.benchmark_id = b.id AND p.country_code = $1 AND ${COUNTED} WHERE b.area_id = a.id) f ON true
                    WHERE a.country_code = $1 AND ($2::int IS NULL OR a.chapter_number = $2)) x) AS areas`,
        [country, chapter],
      );
      const figures = (r: any) => ({
        received: r.received ?? 0,
        answered: r.answered ?? 0,
        accepted: r.accepted ?? 0,
        partlyAccepted: r.partly_accepted ?? 0,
        notAccepted: r.not_accepted ?? 0,
        medianDaysToAnswer: r.median_days == null ? null : Math.round(Number(r.median_days) * 10) / 10,
        oldestUnansweredAt: r.oldest_unanswered ? new Date(r.oldest_unanswered).toISOString() : null,
      });
      expect(answer.total).toEqual(figures(counted.total));
      expect(answer.areas.map((a: any) => ({ ...a, title: undefined }))).toEqual(
        counted.areas.map((a: any) => ({ code: a.code, title: undefined, ...figures(a) })),
      );
    }
    for (const country of ['RS', 'AL']) {
      const answer = (await commission.get(`/api/action-plan/summary?country=${country}`)).body;
      const rows = await api.sql(
        `SELECT a.code, count(*)::int AS total, count(*) FILTER (WHERE act.status = 'completed')::int AS completed,
                count(*) FILTER (WHERE act.deadline < CURRENT_DATE AND act.status <> 'completed')::int AS overdue,
                count(*) FILTER (WHERE act.status = 'planned')::int AS planned, count(*) FILTER (WHERE act.status = 'in_progress')::int AS in_progress,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM corrective_measure m WHERE m.activity_id = act.id))::int AS with_measure
           FROM action_activity act JOIN benchmark b ON b.id = act.benchmark_id JOIN area a ON a.id = b.area_id
          WHERE a.country_code = $1 GROUP BY a.code, a.position ORDER BY a.position, a.code`,
        [country],
      );
      const sum = (key: string) => rows.reduce((n, r) => n + r[key], 0);
      expect(answer).toEqual({
        total: sum('total'),
        byStatus: { planned: sum('planned'), in_progress: sum('in_progress'), completed: sum('completed') },
        overdue: sum('overdue'),
        withCorrectiveMeasure: sum('with_measure'),
        areas: rows.map((r) => ({ code: r.code, title: expect.any(String), total: r.total, completed: r.completed, overdue: r.overdue })),
      });
    }
  }

  const benchmark = async (code: string) => (await api.sql(`SELECT id, area_id FROM benchmark WHERE code = $1`, [code]))[0] as { id: string; area_id: string };
  const propose = async (code: string, daysAgo: number, extra = '') =>
    (
      await api.sql(
        `INSERT INTO proposal (benchmark_id, text, author_id, created_at${extra ? ', kind' : ''})
         SELECT id, 'Facts spec', $2, now() - make_interval(days => $3)${extra ? `, '${extra}'` : ''} FROM benchmark WHERE code = $1 RETURNING id`,
        [code, users.cso, daysAgo],
      )
    )[0].id as string;
  const answer = (proposal: string, daysAgo: number, decision = 'accepted') =>
    api.sql(
      `INSERT INTO proposal_response (proposal_id, decision, reasoning, author_id, created_at) VALUES ($1, $2, 'Facts spec', $3, now() - make_interval(days => $4))`,
      [proposal, decision, users.ministry, daysAgo],
    );

  it('start out equal to the figures counted from the rows, and the reads answer them', async () => {
    expect(await drift()).toEqual([]);
    await answersFollow();
  });

  it('follow proposals added, answered one by one and many at once, revised, hidden, moved and removed', async () => {
    const a = await propose('RS-24-MIG-01', 30);
    const b = await propose('RS-24-MIG-02', 20);
    const c = await propose('RS-24-ASY-01', 10);
    await propose('RS-24-ASY-01', 5, 'comment');
    expect(await drift()).toEqual([]);
    await answer(a, 27, 'partly_accepted');
    expect(await drift()).toEqual([]);
    // Two answers in one statement, one of them a proposal's second (its decision changes, its first answer does not).
    await api.sql(
      `INSERT INTO proposal_response (proposal_id, decision, reasoning, author_id, created_at)
       VALUES ($1, 'accepted', 'x', $3, now() - interval '19 days'), ($2, 'not_accepted', 'y', $3, now() - interval '2 days')`,
      [b, a, users.ministry],
    );
    expect(await drift()).toEqual([]);
    await answersFollow();
    await api.sql(`UPDATE proposal SET hidden_at = now(), hidden_by = $2, hidden_reason = 'off topic' WHERE id = $1`, [b, users.ministry]);
    expect(await drift()).toEqual([]);
    await api.sql(`UPDATE proposal SET hidden_at = NULL, hidden_by = NULL, hidden_reason = NULL WHERE id = $1`, [b]);
    await api.sql(`UPDATE proposal SET benchmark_id = (SELECT id FROM benchmark WHERE code = 'RS-24-MIG-01') WHERE id = $1`, [c]);
    expect(await drift()).toEqual([]);
    // A change of nothing the figures count changes nothing (and must not fail).
    await api.sql(`UPDATE proposal SET text = 'Facts spec, edited' WHERE id = $1`, [c]);
    await api.sql(`DELETE FROM proposal WHERE id = $1`, [a]);
    expect(await drift()).toEqual([]);
    await answersFollow();
  });

  it('follow activities added, changed and removed, and corrective measures', async () => {
    const mig = await benchmark('RS-24-MIG-01');
    const added = await api.sql(
      `INSERT INTO action_activity (benchmark_id, code, title, responsible_institution, deadline, status, created_by)
       VALUES ($1, 'F.1', 'Facts 1', 'Ministry', CURRENT_DATE - 40, 'planned', $2), ($1, 'F.2', 'Facts 2', 'Ministry', CURRENT_DATE - 1, 'in_progress', $2),
              ($1, 'F.3', 'Facts 3', 'Ministry', CURRENT_DATE, 'planned', $2), ($1, 'F.4', 'Facts 4', 'Ministry', CURRENT_DATE + 30, 'completed', $2)
       RETURNING id`,
      [mig.id, users.ministry],
    );
    expect(await drift()).toEqual([]);
    await answersFollow();
    await api.sql(`UPDATE action_activity SET status = 'completed' WHERE id = $1`, [added[1].id]);
    await api.sql(`UPDATE action_activity SET deadline = CURRENT_DATE - 400 WHERE id = $1`, [added[2].id]);
    expect(await drift()).toEqual([]);
    await api.sql(
      `INSERT INTO corrective_measure (activity_id, benchmark_id, what, responsible, due_date, created_by) VALUES ($1, $2, 'Catch up', 'Ministry', CURRENT_DATE + 30, $3), ($1, $2, 'Again', 'Ministry', CURRENT_DATE + 60, $3)`,
      [added[0].id, mig.id, users.ministry],
    );
    expect(await drift()).toEqual([]);
    await answersFollow();
    await api.sql(`DELETE FROM corrective_measure WHERE activity_id = $1 AND what = 'Again'`, [added[0].id]);
    await api.sql(`DELETE FROM action_activity WHERE id = $1`, [added[3].id]);
    expect(await drift()).toEqual([]);
    await answersFollow();
  });

  it('count two writes to the same area made at once, the second committed after the first', async () => {
    const [one, two] = [new Client({ connectionString: api.databaseUrl }), new Client({ connectionString: api.databaseUrl })];
    await Promise.all([one.connect(), two.connect()]);
    const propose = `INSERT INTO proposal (benchmark_id, text, author_id, created_at) SELECT id, 'At once', $2, now() - interval '4 days' FROM benchmark WHERE code = $1`;
    const plan = `INSERT INTO action_activity (benchmark_id, code, title, responsible_institution, deadline, status, created_by)
                  SELECT id, $3, 'At once', 'Ministry', CURRENT_DATE - $4::int, 'planned', $2 FROM benchmark WHERE code = $1`;
    try {
      await one.query('BEGIN');
      await two.query('BEGIN');
      await one.query(propose, ['RS-24-MIG-01', users.cso]);
      await one.query(plan, ['RS-24-MIG-01', users.ministry, 'C.1', 5]);
      // The same area (MIG), other tally rows: the second transaction's facts must count the first's rows too.
      const second = (async () => {
        await two.query(propose, ['RS-24-MIG-02', users.cso]);
        await two.query(plan, ['RS-24-MIG-02', users.ministry, 'C.2', 6]);
      })();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await one.query('COMMIT');
      await second;
      await two.query('COMMIT');
    } finally {
      await Promise.all([one.end(), two.end()]);
    }
    expect(await drift()).toEqual([]);
    await answersFollow();
  });

  it('follow a benchmark moved to an area of another chapter and back, areas moved to another chapter and removed, and a benchmark removed', async () => {
    const mig = await benchmark('RS-24-MIG-01');
    const [other] = await api.sql(
      `INSERT INTO area (country_code, chapter_number, code, title, position) VALUES ('RS', 23, 'FCT', 'Facts spec', 1) RETURNING id`,
    );
    await api.sql(`UPDATE benchmark SET area_id = $2 WHERE id = $1`, [mig.id, other.id]);
    expect(await drift()).toEqual([]);
    await answersFollow();
    await api.sql(`UPDATE benchmark SET area_id = $2 WHERE id = $1`, [mig.id, mig.area_id]);
    expect(await drift()).toEqual([]);
    await api.sql(`DELETE FROM area WHERE id = $1`, [other.id]);
    expect(await drift()).toEqual([]);

    await api.sql(`UPDATE area SET chapter_number = 23 WHERE id = $1`, [mig.area_id]);
    expect(await drift()).toEqual([]);
    await answersFollow();
    await api.sql(`UPDATE area SET chapter_number = 24 WHERE id = $1`, [mig.area_id]);
    expect(await drift()).toEqual([]);

    // A benchmark of its own, with proposals, activities and a measure, then removed with all of them.
    const [made] = await api.sql(
      `INSERT INTO benchmark (code, area_id, position, text) VALUES ('RS-24-MIG-99', $1, 99, 'A benchmark of the facts spec') RETURNING id`,
      [mig.area_id],
    );
    const p = await propose('RS-24-MIG-99', 12);
    await answer(p, 3);
    const [act] = await api.sql(
      `INSERT INTO action_activity (benchmark_id, code, title, responsible_institution, deadline, status, created_by)
       VALUES ($1, 'G.1', 'Facts G', 'Ministry', CURRENT_DATE - 10, 'planned', $2) RETURNING id`,
      [made.id, users.ministry],
    );
    await api.sql(
      `INSERT INTO corrective_measure (activity_id, benchmark_id, what, responsible, due_date, created_by) VALUES ($1, $2, 'Catch up', 'Ministry', CURRENT_DATE + 30, $3)`,
      [act.id, made.id, users.ministry],
    );
    expect(await drift()).toEqual([]);
    await api.sql(`DELETE FROM benchmark WHERE id = $1`, [made.id]);
    expect(await drift()).toEqual([]);
    await answersFollow();
  });

  it('count an activity and a measure written while a benchmark of their area moves, whichever transaction takes the area first', async () => {
    const mig = await benchmark('RS-24-MIG-01');
    const [other] = await api.sql(
      `INSERT INTO area (country_code, chapter_number, code, title, position) VALUES ('RS', 24, 'FCR', 'Facts spec, races', 98) RETURNING id`,
    );
    // A benchmark without activities, moved out of MIG and committed: moved back in the race, its recount of MIG has nothing to change but the row the activity adds to.
    const [empty] = await api.sql(`INSERT INTO benchmark (code, area_id, position, text) VALUES ('RS-24-MIG-98', $1, 98, 'Facts spec, races') RETURNING id`, [
      mig.area_id,
    ]);
    const move = `UPDATE benchmark SET area_id = $2 WHERE id = $1`;
    await api.sql(move, [empty.id, other.id]);
    const plan = `INSERT INTO action_activity (benchmark_id, code, title, responsible_institution, deadline, status, created_by)
                  VALUES ($1, $2, 'Race', 'Ministry', CURRENT_DATE + 20, 'planned', $3) RETURNING id`;
    const [counted] = await api.sql(plan, [mig.id, 'R.0', users.ministry]);
    expect(await drift()).toEqual([]);

    const [one, two] = [new Client({ connectionString: api.databaseUrl }), new Client({ connectionString: api.databaseUrl })];
    await Promise.all([one.connect(), two.connect()]);
    const pid = async (c: Client) => (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const pids = new Map([
      [one, await pid(one)],
      [two, await pid(two)],
    ]);
    /** Until the statement is done or its connection waits for a lock the other transaction holds. */
    const doneOrWaiting = async (backend: number, statement: Promise<unknown>) => {
      let done = false;
      statement.then(
        () => (done = true),
        () => (done = true),
      );
      while (!done && !(await api.sql(`SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`, [backend])).length)
        await new Promise((resolve) => setTimeout(resolve, 10));
    };
    /**
     * `first` writes in a transaction it keeps open; `second` writes in its own until done or waiting for
     * the first's locks; the first commits, then the second; every fact must then match the rows.
     */
    const race = async (first: Client, firstWrite: [string, unknown[]], second: Client, secondWrite: [string, unknown[]]) => {
      await first.query('BEGIN');
      await second.query('BEGIN');
      await first.query(...firstWrite);
      const written = second.query(...secondWrite);
      await doneOrWaiting(pids.get(second) as number, written);
      await first.query('COMMIT');
      await written;
      await second.query('COMMIT');
      expect(await drift()).toEqual([]);
    };
    try {
      // The activity first: the move's recount of MIG, started before the activity commits, must count it (not write over its +1).
      await race(one, [plan, [mig.id, 'R.1', users.ministry]], two, [move, [empty.id, mig.area_id]]);
      // The move first: an activity added meanwhile to the benchmark that moves counts in the area it moves to.
      await race(two, [move, [mig.id, other.id]], one, [plan, [mig.id, 'R.2', users.ministry]]);
      // The same for a corrective measure on an activity of the benchmark that moves (back to MIG).
      const measure = `INSERT INTO corrective_measure (activity_id, benchmark_id, what, responsible, due_date, created_by)
                       VALUES ($1, $2, 'Race', 'Ministry', CURRENT_DATE + 30, $3)`;
      await race(two, [move, [mig.id, mig.area_id]], one, [measure, [counted.id, mig.id, users.ministry]]);
    } finally {
      await Promise.all([one.end(), two.end()]);
    }
    await answersFollow();
  });
});
