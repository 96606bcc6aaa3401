import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LiveChangeDto } from '@bt/contracts';
import type { ApiClient } from '@bt/testing';
import { startSecondInstance, startTestApi, type TestApi } from './testing/test-api';

/** One server-sent event as the browser's EventSource would see it. */
interface StreamEvent {
  type: string;
  data: string;
}

/** A server-sent-event stream read the way EventSource reads it; `next` waits for the next event. */
async function openStream(baseUrl: string, client: ApiClient) {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, { headers: client.browserHeaders('GET'), signal: abort.signal });
  const queue: StreamEvent[] = [];
  const waiting: ((event: StreamEvent | null) => void)[] = [];
  let ended = false;
  const deliver = (event: StreamEvent | null) => {
    if (event === null) ended = true;
    const waiter = waiting.shift();
    if (waiter) waiter(event);
    else if (event) queue.push(event);
  };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .filter((line) => line.startsWith(`${name}:`))
              .map((line) => line.slice(name.length + 1).trim())
              .join('\n');
          deliver({ type: field('event') || 'message', data: field('data') });
        }
      }
    } catch {
      // aborted
    }
    while (waiting.length) deliver(null);
    ended = true;
  })();
  // The first event comes once the instance listens: a change committed after it reaches the stream.
  if (response.ok) {
    const first = queue.shift() ?? (await new Promise<StreamEvent | null>((resolve) => waiting.push(resolve)));
    if (first?.type !== 'ping') throw new Error(`the stream began with ${first?.type ?? 'its end'}, not a ping`);
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    /** The next event that is not a heartbeat, or null once the stream has ended. */
    async next(): Promise<StreamEvent | null> {
      for (;;) {
        const event = queue.shift() ?? (ended ? null : await new Promise<StreamEvent | null>((resolve) => waiting.push(resolve)));
        if (event?.type !== 'ping') return event;
      }
    },
    /** The next `change` (skipping other kinds of event), of one item type when asked (else any but `inbox`). */
    async nextChange(type?: LiveChangeDto['type']): Promise<LiveChangeDto> {
      for (;;) {
        const event = await this.next();
        if (!event) throw new Error('the stream ended');
        if (event.type !== 'change') continue;
        const change = JSON.parse(event.data) as LiveChangeDto;
        if (type ? change.type === type : change.type !== 'inbox') return change;
      }
    },
    close: () => abort.abort(),
  };
}

// Live pages: a change committed through one API instance reaches a browser listening on another.
describe('live changes over server-sent events', () => {
  let a: TestApi;
  let b: NestFastifyApplication;
  let bUrl: string;
  let coordinator: ApiClient;
  let commission: ApiClient;
  let coordinatorId: string;

  beforeAll(async () => {
    a = await startTestApi();
    // A second instance of the API on the same database, as behind a load balancer; its notification worker dispatches the hand-overs.
    ({ app: b, baseUrl: bUrl } = await startSecondInstance(a, { NOTIFICATIONS_WORKER: 'true' }));
    coordinator = a.client({ ip: '10.8.0.1' });
    commission = a.client({ ip: '10.8.0.2' });
    expect((await coordinator.signIn('coordinator@demo.test')).status).toBe(200);
    expect((await commission.signIn('commission@demo.test')).status).toBe(200);
    [{ id: coordinatorId }] = await a.sql(`SELECT id FROM app_user WHERE email = 'coordinator@demo.test'`);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** A draft benchmark with evidence shared with the reviewers, ready to SUBMIT. */
  async function readyToSubmit(): Promise<{ id: string; code: string }> {
    const [benchmark] = await a.sql(
      `SELECT id, code FROM benchmark b WHERE state = 'draft' AND NOT EXISTS (SELECT 1 FROM proposal p WHERE p.benchmark_id = b.id) AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.benchmark_id = b.id) ORDER BY code LIMIT 1`,
    );
    expect(
      (
        await coordinator.post(`/api/benchmarks/${benchmark.code}/evidence`, {
          title: 'Convictions 2025',
          narrative: 'Figures attached.',
          visibility: 'shared',
        })
      ).status,
    ).toBe(201);
    return benchmark;
  }
  const submit = async (code: string, by = coordinator) => {
    const { version } = (await by.get(`/api/benchmarks/${code}`)).body;
    return by.post(`/api/benchmarks/${code}/transitions`, { event: 'SUBMIT', version });
  };

  it('is for signed-in users only', async () => {
    const anonymous = await fetch(`${bUrl}/api/events`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).code).toBe('auth.sign-in-needed');
  });

  it('tells a browser on instance B of a SUBMIT made through instance A: ids and kinds, no content', async () => {
    const benchmark = await readyToSubmit();
    const stream = await openStream(bUrl, commission);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    try {
      expect((await submit(benchmark.code)).status).toBe(200);
      const [submitted] = await a.sql(`SELECT id::text AS id FROM audit_event WHERE entity_id = $1 AND action = 'benchmark.SUBMIT'`, [benchmark.id]);
      // The evidence added just before may still be on its way from A when the stream opens: older changes are passed over.
      let change = await stream.nextChange();
      while (Number(change.event) < Number(submitted.id)) change = await stream.nextChange();
      expect(change).toEqual({ event: submitted.id, type: 'benchmark', id: benchmark.id, by: coordinatorId });
    } finally {
      stream.close();
    }
  });

  it('tells a person of a new notification, and nobody else', async () => {
    const [{ id: commissionId }] = await a.sql(`SELECT id FROM app_user WHERE email = 'commission@demo.test'`);
    const benchmark = await readyToSubmit();
    const commissionStream = await openStream(bUrl, commission);
    const coordinatorStream = await openStream(bUrl, coordinator);
    try {
      // SUBMIT tells the Commission's reviewers (the notification dispatch writes theirs).
      expect((await submit(benchmark.code)).status).toBe(200);
      expect(await commissionStream.nextChange('inbox')).toMatchObject({ type: 'inbox', id: commissionId });
      // REQUEST_CHANGES tells the ministry: the coordinator's first inbox signal is its own, not the Commission's of before.
      const { version } = (await commission.get(`/api/benchmarks/${benchmark.code}`)).body;
      expect(
        (await commission.post(`/api/benchmarks/${benchmark.code}/transitions`, { event: 'REQUEST_CHANGES', version, comment: 'Add the 2025 figures.' }))
          .status,
      ).toBe(200);
      expect(await coordinatorStream.nextChange('inbox')).toMatchObject({ type: 'inbox', id: coordinatorId });
    } finally {
      commissionStream.close();
      coordinatorStream.close();
    }
  });

  it('announces nothing for a refused change: the next change it tells of is the one that committed', async () => {
    const benchmark = await readyToSubmit();
    const stream = await openStream(bUrl, commission);
    try {
      const [{ last }] = await a.sql(`SELECT coalesce(max(id), 0)::text AS last FROM audit_event`);
      // The Commission may not submit: refused, nothing committed, nothing announced.
      expect((await submit(benchmark.code, commission)).status).toBe(403);
      expect((await submit(benchmark.code)).status).toBe(200);
      // Changes committed before the refusal (the evidence just added) may still be on their way: passed over.
      let change = await stream.nextChange();
      while (Number(change.event) <= Number(last)) change = await stream.nextChange();
      const [submitted] = await a.sql(`SELECT id::text AS id FROM audit_event WHERE entity_id = $1 AND action = 'benchmark.SUBMIT'`, [benchmark.id]);
      expect(change.event).toBe(submitted.id);
    } finally {
      stream.close();
    }
  });

  it('listens again when its database connection is cut, and tells the browsers to load again', async () => {
    const stream = await openStream(bUrl, commission);
    try {
      const [{ n }] = await a.sql(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE query = 'LISTEN bt_live' AND datname = current_database()`,
      );
      expect(n).toBe(1); // B's, where the stream is open; A has none, so it does not listen
      expect((await stream.next())?.type).toBe('resync');
      const benchmark = await readyToSubmit();
      expect((await submit(benchmark.code)).status).toBe(200);
      expect((await stream.nextChange()).id).toBe(benchmark.id);
    } finally {
      stream.close();
    }
  });

  it('listens only while a stream is open on the instance', async () => {
    const listening = async () =>
      (
        await a.sql(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'benchmark-tracker live' AND query = 'LISTEN bt_live' AND datname = current_database()`,
        )
      )[0].n as number;
    /** Waits up to 5 s for the instances to listen on `expected` connections (a closed stream is noticed as its socket closes). */
    const untilListening = async (expected: number) => {
      for (let waited = 0; (await listening()) !== expected && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      return listening();
    };
    expect(await untilListening(0)).toBe(0);
    const first = await openStream(bUrl, commission);
    const second = await openStream(bUrl, coordinator);
    try {
      expect(await listening()).toBe(1); // B, once for both streams
      first.close();
      // Still listening for the second stream: a change through A reaches it.
      const benchmark = await readyToSubmit();
      expect((await submit(benchmark.code)).status).toBe(200);
      expect((await second.nextChange()).id).toBe(benchmark.id);
      expect(await listening()).toBe(1);
    } finally {
      first.close();
      second.close();
    }
    expect(await untilListening(0)).toBe(0);
    // And it listens again for the next stream.
    const third = await openStream(bUrl, commission);
    try {
      expect(await listening()).toBe(1);
      const benchmark = await readyToSubmit();
      expect((await submit(benchmark.code)).status).toBe(200);
      expect((await third.nextChange()).id).toBe(benchmark.id);
    } finally {
      third.close();
    }
  });

  it('ends its streams when the instance shuts down, instead of holding the shutdown', async () => {
    const stream = await openStream(bUrl, commission);
    await b.close();
    // A change committed just before (B's notification worker may still be writing the Commission's inbox) can come first; then the stream must end.
    let event = await stream.next();
    while (event?.type === 'change') event = await stream.next();
    expect(event).toBeNull();
  });
});
