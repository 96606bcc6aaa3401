import { pathName, pathsThroughEveryTransition } from './testing/machine-paths';
import type { ApiClient } from '@bt/testing';
import { type ConsultationEvent, type ConsultationEventType, type ConsultationFacts, consultationMachine } from '@bt/workflow';
import { startTestApi, type TestApi } from './testing/test-api';

// Written consultations through the real HTTP API, against PostgreSQL, signed in as the demo accounts.
const ACCOUNTS = ['commission', 'coordinator', 'ministry', 'ministry.al', 'cso', 'expert'] as const;
type Account = (typeof ACCOUNTS)[number];
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
jest.setTimeout(60_000);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

describe('written consultations over HTTP', () => {
  let api: TestApi;
  const as = {} as Record<Account, ApiClient>;
  let anonymous: ApiClient;
  let albania: string;
  let serbianCso: string;

  beforeAll(async () => {
    api = await startTestApi();
    let ip = 0;
    for (const account of ACCOUNTS) {
      as[account] = api.client({ ip: `10.7.0.${++ip}` });
      expect((await as[account].signIn(`${account}@demo.test`)).status).toBe(200);
    }
    anonymous = api.client({ ip: '10.7.1.1' });
    await anonymous.get('/api/health');
    [{ id: albania }] = await api.sql(`SELECT o.id FROM organisation o JOIN app_user u ON u.organisation_id = o.id WHERE u.email = 'ministry.al@demo.test'`);
    [{ id: serbianCso }] = await api.sql(`SELECT o.id FROM organisation o JOIN app_user u ON u.organisation_id = o.id WHERE u.email = 'cso@demo.test'`);
  });
  afterAll(() => api?.close());

  /** A draft with two topics (three questions) sent to Albania's ministry and a Serbian CSO, deadline in two days. */
  async function freshConsultation(): Promise<{ id: string; questions: string[] }> {
    const created = await as.commission.post('/api/consultations', { title: 'Reception capacity after COVID-19', reference: 'WK 1/26' });
    expect(created.status).toBe(201);
    const saved = await as.commission.put(`/api/consultations/${created.body.id}`, {
      version: created.body.version,
      title: 'Reception capacity after COVID-19',
      reference: 'WK 1/26',
      introduction: 'Please reply by the deadline.',
      deadline: inDays(2),
      topics: [
        { title: 'Asylum', questions: [{ text: 'What are the main gaps?' }, { text: 'Which measures were taken?' }] },
        { title: 'Organised crime', questions: [{ text: 'How could data-sharing improve?' }] },
      ],
      recipientIds: [albania, serbianCso],
    });
    expect(saved.status).toBe(200);
    return { id: saved.body.id, questions: saved.body.topics.flatMap((t: { questions: { id: string }[] }) => t.questions.map((q) => q.id)) };
  }

  const detail = async (id: string, client: ApiClient = as.commission) => (await client.get(`/api/consultations/${id}`)).body;

  async function fire(id: string, type: ConsultationEventType, by: Account = 'commission') {
    const current = await detail(id);
    const body: Record<string, unknown> = { event: type, version: current.version };
    if (type === 'REOPEN') body['deadline'] = inDays(3);
    if (type === 'SUMMARISE') {
      for (const q of current.topics.flatMap((t: { questions: { id: string }[] }) => t.questions)) {
        expect(
          (await as.commission.put(`/api/consultations/${id}/summaries/${q.id}`, { text: 'Most recipients agree.', citedOrganisationIds: [albania] })).status,
        ).toBe(200);
      }
      body['version'] = (await detail(id)).version;
    }
    return as[by].post(`/api/consultations/${id}/transitions`, body);
  }

  // Every simple path of the machine, plus each extended by one transition back into a visited state
  // (RETURN_TO_DRAFT, REOPEN), so every transition is driven at least once through the API.
  const facts: ConsultationFacts = {
    questionCount: 1,
    emptyTopicCount: 0,
    recipientCount: 1,
    deadline: '2100-01-01T00:00:00Z',
    unsummarisedCount: 0,
    sentReplyCount: 0,
    now: '2000-01-01T00:00:00Z',
  };
  const events: ConsultationEvent[] = [
    { type: 'OPEN', facts },
    { type: 'RETURN_TO_DRAFT', facts },
    { type: 'CLOSE', facts },
    { type: 'REOPEN', deadline: '2099-01-01T00:00:00Z', facts },
    { type: 'SUMMARISE', facts },
    { type: 'PUBLISH', facts },
  ];
  const paths = pathsThroughEveryTransition(consultationMachine, events, ['RETURN_TO_DRAFT', 'REOPEN']);

  it('covers every transition of the machine', () => {
    const driven = new Set(paths.flatMap((p) => p.steps.slice(1).map((s) => `${s.event.type}`)));
    expect([...driven].sort()).toEqual(['CLOSE', 'OPEN', 'PUBLISH', 'REOPEN', 'RETURN_TO_DRAFT', 'SUMMARISE']);
    expect(paths.length).toBeGreaterThanOrEqual(7);
  });

  it.each(paths.map((p) => [pathName(p), p] as const))('drives the path %s', async (_name, path) => {
    const { id } = await freshConsultation();
    const fired = path.steps.slice(1).map((s) => s.event.type as ConsultationEventType);
    for (const type of fired) {
      const answer = await fire(id, type);
      expect([type, answer.status]).toEqual([type, 200]);
    }
    const end = await detail(id);
    expect(end.state).toBe(path.state.value);
    const history = (await as.commission.get(`/api/consultations/${id}/history`)).body as { action: string }[];
    expect(history.map((h) => h.action).filter((a) => /^consultation\.[A-Z_]+$/.test(a))).toEqual(fired.map((t) => `consultation.${t}`));
  });

  it('refuses in order: stale version 409, event not possible here 409, not the caller’s event 403, unmet guard 422', async () => {
    const { id } = await freshConsultation();
    const { version } = await detail(id);
    expect((await as.commission.post(`/api/consultations/${id}/transitions`, { event: 'OPEN', version: version + 5 })).status).toBe(409);
    expect((await as.commission.post(`/api/consultations/${id}/transitions`, { event: 'CLOSE', version })).status).toBe(409);
    expect((await fire(id, 'OPEN')).status).toBe(200);
    // The CSO is a recipient and sees it, but only the Commission runs it.
    expect((await fire(id, 'CLOSE', 'cso')).body).toMatchObject({ statusCode: 403, code: 'workflow.only-commission' });
    // A ministry that is not a recipient does not even learn it exists.
    expect((await fire(id, 'CLOSE', 'ministry')).status).toBe(404);
    expect((await fire(id, 'CLOSE')).status).toBe(200);
    const summarise = await as.commission.post(`/api/consultations/${id}/transitions`, { event: 'SUMMARISE', version: (await detail(id)).version });
    expect([summarise.status, summarise.body.code, summarise.body.params]).toEqual([422, 'workflow.questions-unsummarised', { event: 'SUMMARISE', count: 3 }]);
    expect(summarise.body.message).toBe('SUMMARISE needs more first: questions still without a summary: 3.');
    const reopen = await as.commission.post(`/api/consultations/${id}/transitions`, {
      event: 'REOPEN',
      version: (await detail(id)).version,
      deadline: inDays(-1),
    });
    expect([reopen.status, reopen.body.code]).toEqual([422, 'workflow.new-deadline-needed']);
  });

  it('does not open an empty draft or one whose deadline has passed', async () => {
    const created = await as.commission.post('/api/consultations', { title: 'Empty', deadline: inDays(2) });
    const open = await as.commission.post(`/api/consultations/${created.body.id}/transitions`, { event: 'OPEN', version: created.body.version });
    expect([open.status, open.body.message]).toEqual([422, expect.stringMatching(/topic with a question/)]);
    const { id } = await freshConsultation();
    await api.sql(`UPDATE consultation SET deadline = now() - interval '1 hour' WHERE id = $1`, [id]);
    expect((await fire(id, 'OPEN')).status).toBe(422);
  });

  it('keeps a summary from being published while the consultation is open (and from being written before it closes)', async () => {
    const { id, questions } = await freshConsultation();
    expect((await fire(id, 'OPEN')).status).toBe(200);
    const publish = await fire(id, 'PUBLISH');
    expect([publish.status, publish.body.message]).toEqual([409, expect.stringMatching(/not possible while the consultation is open/)]);
    expect((await as.commission.put(`/api/consultations/${id}/summaries/${questions[0]}`, { text: 'Too early.', citedOrganisationIds: [] })).status).toBe(409);
    expect((await detail(id)).state).toBe('open');
  });

  it('refuses a blank summary (400), so SUMMARISE and PUBLISH cannot pass on spaces; a saved summary is audited with its text', async () => {
    const { id, questions } = await freshConsultation();
    expect((await fire(id, 'OPEN')).status).toBe(200);
    await api.sql(`UPDATE consultation SET deadline = now() - interval '1 minute' WHERE id = $1`, [id]);
    expect((await fire(id, 'CLOSE')).status).toBe(200);
    const blank = await as.commission.put(`/api/consultations/${id}/summaries/${questions[0]}`, { text: '   \n ', citedOrganisationIds: [] });
    expect([blank.status, JSON.stringify(blank.body.message)]).toEqual([400, expect.stringMatching(/text must not be blank/)]);
    expect(await api.sql(`SELECT 1 FROM consultation_summary WHERE question_id = $1`, [questions[0]])).toEqual([]);
    expect((await as.commission.put(`/api/consultations/${id}/summaries/${questions[0]}`, { text: ' Most agree. ', citedOrganisationIds: [] })).status).toBe(
      200,
    );
    const [event] = await api.sql(`SELECT data FROM audit_event WHERE action = 'consultation.summary_saved' AND entity_id = $1`, [id]);
    expect(event.data).toEqual(expect.objectContaining({ questionId: questions[0], text: 'Most agree.' }));
  });

  it('moves the version with every summary saved, so a SUMMARISE or PUBLISH on what was seen before a colleague’s edit is a 409', async () => {
    const { id, questions } = await freshConsultation();
    expect((await fire(id, 'OPEN')).status).toBe(200);
    await api.sql(`UPDATE consultation SET deadline = now() - interval '1 minute' WHERE id = $1`, [id]);
    expect((await fire(id, 'CLOSE')).status).toBe(200);
    for (const question of questions) {
      expect((await as.commission.put(`/api/consultations/${id}/summaries/${question}`, { text: 'Agreed by all.', citedOrganisationIds: [] })).status).toBe(
        200,
      );
    }
    const seen = (await detail(id)).version;
    expect(
      (await as.commission.put(`/api/consultations/${id}/summaries/${questions[0]}`, { text: 'Agreed by most.', citedOrganisationIds: [] })).body.version,
    ).toBe(seen + 1);
    const stale = await as.commission.post(`/api/consultations/${id}/transitions`, { event: 'SUMMARISE', version: seen });
    expect(stale.status).toBe(409);
    expect((await detail(id)).state).toBe('closed');
  });

  it('lets a recipient save a draft, then send; a sent reply is final; others see only what is theirs to see', async () => {
    const { id, questions } = await freshConsultation();
    expect((await as.cso.get(`/api/consultations/${id}`)).status).toBe(404); // a draft is the Commission's
    expect((await fire(id, 'OPEN')).status).toBe(200);
    const draft = await as.cso.put(`/api/consultations/${id}/replies/${questions[0]}`, { text: 'Reception centres are **overcrowded**.', send: false });
    expect([draft.status, draft.body.status]).toEqual([200, 'draft']);
    // The draft is the CSO's own: not the Commission's, not Albania's.
    expect((await detail(id)).topics[0].questions[0].replies).toEqual([]);
    expect((await detail(id, as['ministry.al'])).topics[0].questions[0].replies).toEqual([]);
    expect((await detail(id, as.cso)).topics[0].questions[0].replies.map((r: { status: string }) => r.status)).toEqual(['draft']);
    expect((await as.ministry.get(`/api/consultations/${id}`)).status).toBe(404);
    expect((await as.ministry.put(`/api/consultations/${id}/replies/${questions[0]}`, { text: 'x', send: true })).status).toBe(404);
    expect((await as.commission.put(`/api/consultations/${id}/replies/${questions[0]}`, { text: 'x', send: true })).status).toBe(403);

    const sent = await as.cso.put(`/api/consultations/${id}/replies/${questions[0]}`, { text: 'Reception centres are **overcrowded**.', send: true });
    expect([sent.status, sent.body.status, sent.body.sentAt]).toEqual([200, 'sent', expect.any(String)]);
    expect((await as.cso.put(`/api/consultations/${id}/replies/${questions[0]}`, { text: 'Changed my mind', send: false })).status).toBe(409);
    expect((await as.cso.put(`/api/consultations/${id}/replies/${questions[1]}`, { text: '   ', send: true })).status).toBe(422);
    const replies = (await detail(id)).topics[0].questions[0].replies;
    expect(replies.map((r: { organisation: { id: string }; text: string }) => [r.organisation.id, r.text])).toEqual([
      [serbianCso, 'Reception centres are **overcrowded**.'],
    ]);
    expect((await as.commission.post(`/api/consultations/${id}/transitions`, { event: 'RETURN_TO_DRAFT', version: (await detail(id)).version })).status).toBe(
      422,
    );
  });

  it("keeps recipients' draft replies when the Commission returns the consultation to draft and edits it, except on questions it removes", async () => {
    const { id, questions } = await freshConsultation();
    expect((await fire(id, 'OPEN')).status).toBe(200);
    for (const question of [questions[0], questions[2]]) {
      expect((await as.cso.put(`/api/consultations/${id}/replies/${question}`, { text: `Draft on ${question}`, send: false })).status).toBe(200);
    }
    expect((await fire(id, 'RETURN_TO_DRAFT')).status).toBe(200);
    const before = await detail(id);
    const [asylum, crime] = before.topics;
    const edit = (topics: unknown[]) => ({
      version: before.version,
      title: before.title,
      reference: before.reference,
      introduction: before.introduction,
      deadline: inDays(2),
      topics,
      recipientIds: [albania, serbianCso],
    });

    // A question id of another consultation, or one given twice: 422, and nothing changes.
    const other = await freshConsultation();
    for (const topics of [
      [{ id: asylum.id, title: 'Asylum', questions: [{ id: other.questions[0], text: 'Foreign' }] }],
      [
        {
          id: asylum.id,
          title: 'Asylum',
          questions: [
            { id: questions[0], text: 'A' },
            { id: questions[0], text: 'B' },
          ],
        },
      ],
    ]) {
      const refused = await as.commission.put(`/api/consultations/${id}`, edit(topics));
      expect([refused.status, typeof refused.body.message]).toEqual([422, 'string']);
    }
    expect(await detail(id)).toEqual(before);

    // Reword the first question (kept by its id), drop the second, move the third into a new first topic.
    const saved = await as.commission.put(
      `/api/consultations/${id}`,
      edit([
        { title: 'Data', questions: [{ id: questions[2], text: 'How could data-sharing improve, in practice?' }] },
        {
          id: asylum.id,
          title: 'Asylum and reception',
          questions: [{ id: questions[0], text: 'What are the main gaps in reception?' }, { text: 'Is there a contingency plan?' }],
        },
      ]),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.topics.map((t: { title: string; questions: { id: string; text: string }[] }) => [t.title, t.questions.map((q) => q.text)])).toEqual([
      ['Data', ['How could data-sharing improve, in practice?']],
      ['Asylum and reception', ['What are the main gaps in reception?', 'Is there a contingency plan?']],
    ]);
    expect(saved.body.topics[0].questions[0].id).toBe(questions[2]);
    expect(saved.body.topics.some((t: { id: string }) => t.id === crime.id)).toBe(false);
    // Opened again, the CSO finds its drafts on the kept questions as it left them.
    expect((await fire(id, 'OPEN')).status).toBe(200);
    const mine = await detail(id, as.cso);
    expect(
      mine.topics.flatMap((t: { questions: { id: string; replies: { text: string }[] }[] }) =>
        t.questions.flatMap((q) => q.replies.map((r) => [q.id, r.text])),
      ),
    ).toEqual([
      [questions[2], `Draft on ${questions[2]}`],
      [questions[0], `Draft on ${questions[0]}`],
    ]);
    const [audit] = await api.sql(`SELECT data FROM audit_event WHERE action = 'consultation.updated' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [id]);
    expect(audit.data.questionsRemoved).toEqual([{ id: questions[1], text: 'Which measures were taken?' }]);

    // Taken off the recipients, the CSO's drafts go with it; the consultation is no longer the CSO's to see.
    expect((await fire(id, 'RETURN_TO_DRAFT')).status).toBe(200);
    const current = await detail(id);
    const narrowed = await as.commission.put(`/api/consultations/${id}`, {
      version: current.version,
      title: current.title,
      reference: current.reference,
      introduction: current.introduction,
      deadline: inDays(2),
      topics: current.topics.map((t: { id: string; title: string; questions: { id: string; text: string }[] }) => ({
        id: t.id,
        title: t.title,
        questions: t.questions.map((q) => ({ id: q.id, text: q.text })),
      })),
      recipientIds: [albania],
    });
    expect(narrowed.status).toBe(200);
    expect(
      await api.sql(
        `SELECT r.id FROM consultation_reply r JOIN consultation_question q ON q.id = r.question_id JOIN consultation_topic t ON t.id = q.topic_id WHERE t.consultation_id = $1`,
        [id],
      ),
    ).toEqual([]);
    const [narrowedAudit] = await api.sql(`SELECT data FROM audit_event WHERE action = 'consultation.updated' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [
      id,
    ]);
    expect(narrowedAudit.data.draftsOfFormerRecipientsRemoved).toBe(2);
  });

  it('refuses a reply after the deadline (409) until the Commission reopens with a later deadline', async () => {
    const { id, questions } = await freshConsultation();
    expect((await fire(id, 'OPEN')).status).toBe(200);
    await api.sql(`UPDATE consultation SET deadline = now() - interval '1 minute' WHERE id = $1`, [id]);
    const late = await as['ministry.al'].put(`/api/consultations/${id}/replies/${questions[2]}`, { text: 'Sorry we are late.', send: true });
    expect([late.status, late.body.message]).toEqual([409, expect.stringMatching(/deadline for replies has passed/)]);
    expect((await detail(id, as['ministry.al'])).acceptingReplies).toBe(false);
    expect((await fire(id, 'CLOSE')).status).toBe(200);
    expect((await as['ministry.al'].put(`/api/consultations/${id}/replies/${questions[2]}`, { text: 'Sorry we are late.', send: true })).status).toBe(409);
    expect((await fire(id, 'REOPEN')).status).toBe(200);
    expect((await as['ministry.al'].put(`/api/consultations/${id}/replies/${questions[2]}`, { text: 'Sorry we are late.', send: true })).status).toBe(200);
  });

  it('publishes the summaries with the sent replies for anyone; drafts and attachments of drafts stay private', async () => {
    const { id, questions } = await freshConsultation();
    expect((await fire(id, 'OPEN')).status).toBe(200);
    expect((await as['ministry.al'].put(`/api/consultations/${id}/replies/${questions[0]}`, { text: 'We lack staff.', send: true })).status).toBe(200);
    expect((await as.cso.put(`/api/consultations/${id}/replies/${questions[1]}`, { text: 'Unsent thoughts', send: false })).status).toBe(200);
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'annex.pdf');
    const upload = await fetch(`${api.baseUrl}/api/consultations/${id}/replies/${questions[0]}/files`, {
      method: 'POST',
      body: form,
      headers: as.cso.browserHeaders('POST'),
    });
    expect(upload.status).toBe(201);
    const file = (await upload.json()) as { id: string };
    expect((await as.commission.get(`/api/consultations/${id}/files/${file.id}`)).status).toBe(404); // attached to an unsent draft
    // Nor does the Commission's history of the consultation name it, or the unsent draft.
    const history = JSON.stringify((await as.commission.get(`/api/consultations/${id}/history`)).body);
    expect(history).not.toContain(file.id);
    expect(history).not.toContain('annex.pdf');
    expect(history).not.toContain('consultation.reply_saved');
    expect(history).toContain('consultation.reply_sent');
    expect((await as.cso.get(`/api/consultations/${id}/files/${file.id}`)).status).toBe(200);
    expect((await anonymous.get(`/api/consultations/${id}`)).status).toBe(404);
    expect((await fire(id, 'CLOSE')).status).toBe(200);
    expect((await fire(id, 'SUMMARISE')).status).toBe(200);
    expect((await anonymous.get(`/api/consultations/${id}`)).status).toBe(404); // summarised is not yet published
    expect((await fire(id, 'PUBLISH')).status).toBe(200);

    const published = (await anonymous.get(`/api/consultations/${id}`)).body;
    expect(published.state).toBe('published');
    expect(published.topics[0].questions[0].summary).toEqual(
      expect.objectContaining({ text: 'Most recipients agree.', cited: [expect.objectContaining({ id: albania })] }),
    );
    expect(published.topics[0].questions[0].replies.map((r: { text: string }) => r.text)).toEqual(['We lack staff.']);
    expect(published.topics[0].questions[1].replies).toEqual([]);
    expect(published.availableEvents).toEqual([]);
    expect((await anonymous.get(`/api/consultations/${id}/files/${file.id}`)).status).toBe(404);
    expect((await anonymous.get('/api/consultations')).body.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('seeds the 2020 consultation of the six partners, published with a summary per question', async () => {
    const list = (await anonymous.get('/api/consultations')).body as { id: string; reference: string; questionCount: number; recipientCount: number }[];
    const seeded = list.find((c) => c.reference === '8888/1/20 REV 1');
    expect(seeded).toEqual(expect.objectContaining({ questionCount: 15, recipientCount: 6 }));
    const consultation = (await anonymous.get(`/api/consultations/${seeded?.id}`)).body;
    expect(consultation.recipients.map((r: { countryCode: string }) => r.countryCode).sort()).toEqual(['AL', 'BA', 'ME', 'MK', 'RS', 'XK']);
    expect(consultation.topics.map((t: { questions: unknown[] }) => t.questions.length)).toEqual([5, 3, 7]);
    expect(consultation.topics[1].questions[1].text).toBe(
      'What measures have recently been taken to address the issue of returning foreign terrorist fighters and their family members? Do you have any best practices to share in this field? What are the main challenges confronting you in this area?',
    );
    for (const q of consultation.topics.flatMap((t: { questions: { summary: unknown }[] }) => t.questions))
      expect(q.summary).toEqual(expect.objectContaining({ text: expect.any(String) }));
  });

  it('reminds a recipient in the inbox of a deadline within a week, until its organisation has replied to every question', async () => {
    const { id, questions } = await freshConsultation();
    expect((await fire(id, 'OPEN')).status).toBe(200);
    const reminder = async () =>
      ((await as['ministry.al'].get('/api/inbox')).body.items as { kind: string; link: string }[]).filter((i) => i.link === `/consultations/${id}/reply`);
    expect(await reminder()).toEqual([expect.objectContaining({ kind: 'consultation.deadline' })]);
    for (const q of questions) expect((await as['ministry.al'].put(`/api/consultations/${id}/replies/${q}`, { text: 'Answer', send: true })).status).toBe(200);
    expect(await reminder()).toEqual([]);
  });
});
