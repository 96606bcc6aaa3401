import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, DEMO_PASSWORD } from '@bt/testing';
import { routeTable, startTestApi, type TestApi } from './testing/test-api';

/**
 * Every route of the app × every kind of caller × an object of the caller's own country and of
 * another: the status each must get. The routes come from the app itself, so a new route without
 * a line in EXPECTATIONS fails this test: nobody adds a route without deciding who may call it.
 */
type Actor = 'anonymous' | 'admin' | 'commission' | 'coordinator' | 'ministry' | 'ministry.al' | 'cso' | 'expert';
type Side = 'own' | 'other';
const ACTORS: Actor[] = ['anonymous', 'admin', 'commission', 'coordinator', 'ministry', 'ministry.al', 'cso', 'expert'];
const SIDES: Side[] = ['own', 'other'];

/** The objects a cell works on: ids of a country's benchmark, organisation and a throwaway user. */
interface Target {
  country: string;
  benchmark: string;
  organisation: string;
  user: string;
  proposal: string;
  mission: string;
  /** A meeting of that mission's agenda. */
  meeting: string;
  /** Track records and the Action Plan: a series, a late activity and a corrective measure on it. */
  series: string;
  activity: string;
  measure: string;
  /** A shared evidence item with a file (a fresh file for each cell that removes one). */
  evidence: string;
  evidenceFile: string;
  /** An open written consultation sent to one organisation of the country (RS: the demo CSO; AL: Albania's ministry), and its question. */
  consultation: string;
  question: string;
  /** A recommendation of the country's mission (its report not shared). */
  recommendation: string;
  /** An assistance project of the country (implemented by no organisation of the app). */
  project: string;
}

interface Expectation {
  path: (t: Target) => string;
  /** `sql` reads what the body must name, e.g. the current version of what it corrects. */
  body?: (t: Target, sql: TestApi['sql']) => unknown;
  status: (actor: Actor, side: Side) => number;
}

const isMinistry = (actor: Actor) => actor === 'coordinator' || actor === 'ministry' || actor === 'ministry.al';
/** `own` is the caller's country: RS for the EU side, AL for ministry.al. The expert is on both benchmarks' missions. */
const seesDialogue = (actor: Actor, side: Side) =>
  actor === 'commission' || actor === 'expert' || actor === 'admin' || ((isMinistry(actor) || actor === 'cso') && side === 'own');
/** Track records and Action Plan: the country's ministry and CSOs, the Commission, the mission's experts read; the ministry writes. */
const readsRecordsOf = (actor: Actor, side: Side) => actor === 'commission' || actor === 'expert' || ((isMinistry(actor) || actor === 'cso') && side === 'own');
const readsRecords = (ok: number) => (actor: Actor, side: Side) => (actor === 'anonymous' ? 401 : readsRecordsOf(actor, side) ? ok : 404);
const writesRecords = (ok: number) => (actor: Actor, side: Side) =>
  actor === 'anonymous' ? 401 : !readsRecordsOf(actor, side) ? 404 : isMinistry(actor) && side === 'own' ? ok : 403;
/** Shared evidence: its country's ministry and CSOs, the Commission and the mission's experts (evidence-visibility.ts). */
const seesSharedEvidence = (actor: Actor, side: Side) =>
  actor === 'commission' || actor === 'expert' || ((isMinistry(actor) || actor === 'cso') && side === 'own');
/** Members of a recipient organisation of the matrix consultation: the demo CSO (RS) and Albania's ministry (AL). */
const isRecipient = (actor: Actor) => actor === 'cso' || actor === 'ministry.al';
/** A mission: the Commission, its expert (on both countries' missions), the host country's ministry. */
const seesMission = (actor: Actor, side: Side) => actor === 'commission' || actor === 'expert' || (isMinistry(actor) && side === 'own');
const signedIn = (ok: number) => (actor: Actor) => (actor === 'anonymous' ? 401 : ok);
const adminOnly = (ok: number) => (actor: Actor) => (actor === 'anonymous' ? 401 : actor === 'admin' ? ok : 403);
const anyone = (ok: number) => () => ok;
/** Assistance projects: admins, the Commission and the country's ministry (the matrix project has no CSO implementing it). */
const writesProjects = (actor: Actor, side: Side) => actor === 'admin' || actor === 'commission' || (isMinistry(actor) && side === 'own');
const matrixProject = (t: Target) => ({
  country: t.country,
  title: 'Matrix project',
  instrument: 'grant',
  objectives: [],
  components: [],
  expectedResults: [],
  achievedResults: [],
  participants: [{ name: 'Matrix funder', role: 'funding' }],
  supports: [{ benchmark: t.benchmark, how: 'Matrix support' }],
  links: [],
});
let unique = 0;

const EXPECTATIONS: Record<string, Expectation> = {
  'GET /api/health': { path: () => '/api/health', status: anyone(200) },
  'GET /api/health/live': { path: () => '/api/health/live', status: anyone(200) },
  'GET /api/health/ready': { path: () => '/api/health/ready', status: anyone(200) },
  'GET /api/settings': { path: () => '/api/settings', status: anyone(200) },
  'GET /api/benchmarks': { path: (t) => `/api/benchmarks?country=${t.country}`, status: anyone(200) },
  'GET /api/benchmarks/:id': { path: (t) => `/api/benchmarks/${t.benchmark}`, status: anyone(200) },
  'GET /api/areas': { path: (t) => `/api/areas?country=${t.country}`, status: anyone(200) },
  'POST /api/auth/login': {
    path: () => '/api/auth/login',
    body: () => ({ email: `nobody${++unique}@demo.test`, password: 'wrong-password' }),
    status: anyone(401),
  },
  'GET /api/auth/me': { path: () => '/api/auth/me', status: signedIn(200) },
  'GET /api/auth/current': { path: () => '/api/auth/current', status: anyone(200) },
  'POST /api/auth/logout': { path: () => '/api/auth/logout', status: signedIn(204) },
  'POST /api/auth/logout-everywhere': { path: () => '/api/auth/logout-everywhere', status: signedIn(204) },
  'POST /api/auth/password': {
    path: () => '/api/auth/password',
    body: () => ({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }),
    status: signedIn(204),
  },
  'GET /api/auth/options': { path: () => '/api/auth/options', status: anyone(200) },
  // No sign-in waiting for a code in these browsers.
  'POST /api/auth/login/second-factor': { path: () => '/api/auth/login/second-factor', body: () => ({ code: '123456' }), status: anyone(401) },
  'GET /api/auth/sessions': { path: () => '/api/auth/sessions', status: signedIn(200) },
  'PUT /api/auth/language': { path: () => '/api/auth/language', body: () => ({ language: 'sr-Latn' }), status: signedIn(204) },
  'DELETE /api/auth/sessions/:id': { path: () => `/api/auth/sessions/${randomUUID()}`, status: signedIn(404) },
  'POST /api/auth/sessions/end-others': { path: () => '/api/auth/sessions/end-others', status: signedIn(204) },
  'GET /api/auth/second-factor': { path: () => '/api/auth/second-factor', status: signedIn(200) },
  // Begun (the route before) but confirmed with a wrong code; not set up, so nothing to renew or remove.
  'POST /api/auth/second-factor/enrolment': { path: () => '/api/auth/second-factor/enrolment', status: signedIn(200) },
  'POST /api/auth/second-factor/enrolment/confirmation': {
    path: () => '/api/auth/second-factor/enrolment/confirmation',
    body: () => ({ code: '000000' }),
    status: signedIn(422),
  },
  'POST /api/auth/second-factor/recovery-codes': {
    path: () => '/api/auth/second-factor/recovery-codes',
    body: () => ({ code: '000000' }),
    status: signedIn(409),
  },
  'POST /api/auth/second-factor/removal': { path: () => '/api/auth/second-factor/removal', body: () => ({ code: '000000' }), status: signedIn(409) },
  // Evidence: anyone reads what they may see (anonymous: public items); the own country's ministry writes.
  'GET /api/benchmarks/:id/evidence': { path: (t) => `/api/benchmarks/${t.benchmark}/evidence`, status: anyone(200) },
  'POST /api/benchmarks/:id/evidence': {
    path: (t) => `/api/benchmarks/${t.benchmark}/evidence`,
    body: () => ({ title: 'Matrix evidence', visibility: 'internal' }),
    status: (actor, side) => (actor === 'anonymous' ? 401 : isMinistry(actor) && side === 'own' ? 201 : 403),
  },
  // The dialogue: its country's ministry and CSOs and the Commission take part; others do not see it (404).
  'GET /api/benchmarks/:id/proposals': {
    path: (t) => `/api/benchmarks/${t.benchmark}/proposals`,
    status: (actor, side) => (actor === 'anonymous' ? 401 : seesDialogue(actor, side) ? 200 : 404),
  },
  'POST /api/benchmarks/:id/proposals': {
    path: (t) => `/api/benchmarks/${t.benchmark}/proposals`,
    body: () => ({ text: 'Matrix proposal' }),
    // The benchmark is public, so a refusal to post is a plain 403 (the thread itself stays 404 to outsiders).
    status: (actor, side) => (actor === 'anonymous' ? 401 : actor === 'commission' || (actor === 'cso' && side === 'own') ? 201 : 403),
  },
  // Moderation: an admin hides a contribution (admins see the dialogue to moderate it).
  'POST /api/proposals/:id/hide': { path: (t) => `/api/proposals/${t.proposal}/hide`, body: () => ({ reason: 'Matrix moderation' }), status: adminOnly(200) },
  // "Adequate consideration": figures only, public, also as XLSX and CSV.
  'GET /api/consideration': { path: (t) => `/api/consideration?country=${t.country}&chapter=24`, status: anyone(200) },
  'GET /api/consideration.xlsx': { path: (t) => `/api/consideration.xlsx?country=${t.country}&chapter=24`, status: anyone(200) },
  'GET /api/consideration.csv': { path: (t) => `/api/consideration.csv?country=${t.country}&chapter=24`, status: anyone(200) },
  // Assessments: everyone reads what is published to them; the Commission, and the country's ministry and CSOs, each in their own voice.
  'GET /api/benchmarks/:id/assessments': { path: (t) => `/api/benchmarks/${t.benchmark}/assessments`, status: anyone(200) },
  'POST /api/benchmarks/:id/assessments': {
    path: (t) => `/api/benchmarks/${t.benchmark}/assessments`,
    body: () => ({ period: '2026', preparation: 'some_level', progress: 'some_progress', text: 'Matrix assessment' }),
    status: (actor, side) => (actor === 'anonymous' ? 401 : actor === 'commission' || ((isMinistry(actor) || actor === 'cso') && side === 'own') ? 201 : 403),
  },
  'GET /api/overview': { path: (t) => `/api/overview?country=${t.country}&chapter=24`, status: anyone(200) },
  'GET /api/overview/figures': { path: (t) => `/api/overview/figures?country=${t.country}&chapter=24`, status: anyone(200) },
  'POST /api/proposals/:id/response': {
    path: (t) => `/api/proposals/${t.proposal}/response`,
    body: () => ({ decision: 'accepted', reasoning: 'Matrix reasoning' }),
    status: (actor, side) => (actor === 'anonymous' ? 401 : !seesDialogue(actor, side) ? 404 : isMinistry(actor) && side === 'own' ? 200 : 403),
  },
  // The workflow: signed-in users read the history and their tasks; transitions are decided by the machine's role table
  // (this SUBMIT at a stale version is refused before anyone's rights are looked at, so every signed-in caller gets 409).
  'POST /api/benchmarks/:id/transitions': {
    path: (t) => `/api/benchmarks/${t.benchmark}/transitions`,
    body: () => ({ event: 'SUBMIT', version: 99 }),
    status: signedIn(409),
  },
  'GET /api/benchmarks/:id/history': { path: (t) => `/api/benchmarks/${t.benchmark}/history`, status: signedIn(200) },
  // Generated documents: public like the pages they are made of, each with what the caller may see there.
  'GET /api/benchmarks/:id/report': { path: (t) => `/api/benchmarks/${t.benchmark}/report?format=docx`, status: anyone(200) },
  // Word, the quicker of the two formats: who may ask is the question here, not how the PDF looks (16 chapter PDFs took over a minute on a busy machine).
  'GET /api/reports/chapter': { path: (t) => `/api/reports/chapter?country=${t.country}&chapter=24&period=2025&format=docx`, status: anyone(200) },
  // The matrix consultation is open, not published: its document is seen by whoever sees the consultation.
  'GET /api/consultations/:id/report': {
    path: (t) => `/api/consultations/${t.consultation}/report?format=docx`,
    status: (actor, side) => (actor === 'commission' || (isRecipient(actor) && side === 'own') ? 200 : 404),
  },
  'GET /api/tasks': { path: () => '/api/tasks', status: signedIn(200) },
  // The inbox is each signed-in user's own.
  'GET /api/inbox': { path: () => '/api/inbox', status: signedIn(200) },
  // Live pages: ids and kinds of changes, for anyone signed in (the pages load what they may see).
  'GET /api/events': { path: () => '/api/events', status: signedIn(200) },
  'POST /api/inbox/read': { path: () => '/api/inbox/read', body: () => ({ keys: ['matrix:item'] }), status: signedIn(204) },
  'POST /api/inbox/read-all': { path: () => '/api/inbox/read-all', status: signedIn(204) },
  // Notification e-mail: admins see what failed and retry it (an unknown notification: 404).
  'GET /api/admin/mail': { path: () => '/api/admin/mail', status: adminOnly(200) },
  'POST /api/admin/mail/:id/retry': { path: () => '/api/admin/mail/999999999/retry', status: adminOnly(404) },
  // Notification preferences: each signed-in person's own.
  'GET /api/notifications/preferences': { path: () => '/api/notifications/preferences', status: signedIn(200) },
  'PUT /api/notifications/preferences': {
    path: () => '/api/notifications/preferences',
    body: () => ({ preferences: [{ kind: 'benchmark.accepted', delivery: 'digest' }] }),
    status: signedIn(200),
  },
  // One-click unsubscribe: public, its signed token is the proof (none here: 400 for everyone, signed in or not).
  'GET /api/notifications/unsubscribe': { path: () => '/api/notifications/unsubscribe?token=forged.token', status: anyone(400) },
  'POST /api/notifications/unsubscribe': { path: () => '/api/notifications/unsubscribe?token=forged.token', status: anyone(400) },
  // Missions: the report belongs to the Commission and the mission's experts; others learn nothing (404).
  'POST /api/missions/:id/report': {
    path: (t) => `/api/missions/${t.mission}/report`,
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' || actor === 'expert' ? 422 : 404),
  },
  'GET /api/missions/:id/report': { path: (t) => `/api/missions/${t.mission}/report`, status: (actor) => (actor === 'anonymous' ? 401 : 404) },
  // Track records and the Action Plan: the country's ministry writes; its CSOs, the Commission and the mission's experts read; others learn nothing (404).
  'GET /api/benchmarks/:id/track-records': { path: (t) => `/api/benchmarks/${t.benchmark}/track-records`, status: readsRecords(200) },
  'GET /api/benchmarks/:id/track-records/template.xlsx': {
    path: (t) => `/api/benchmarks/${t.benchmark}/track-records/template.xlsx`,
    status: readsRecords(200),
  },
  'GET /api/benchmarks/:id/track-records.xlsx': { path: (t) => `/api/benchmarks/${t.benchmark}/track-records.xlsx`, status: readsRecords(200) },
  'POST /api/benchmarks/:id/track-records': {
    path: (t) => `/api/benchmarks/${t.benchmark}/track-records`,
    body: () => ({ name: `Matrix series ${++unique}`, unit: 'cases', category: 'drugs' }),
    status: writesRecords(201),
  },
  // No file sent: the rights are checked first, then the missing file is a 422.
  'POST /api/benchmarks/:id/track-records/import': { path: (t) => `/api/benchmarks/${t.benchmark}/track-records/import`, status: writesRecords(422) },
  'PUT /api/track-records/:seriesId/values/:period': {
    path: (t) => `/api/track-records/${t.series}/values/2020`,
    body: () => ({ value: 1, source: 'Matrix' }),
    status: writesRecords(200),
  },
  'GET /api/action-plan/activities': { path: (t) => `/api/action-plan/activities?country=${t.country}`, status: signedIn(200) },
  'GET /api/action-plan/activities.xlsx': { path: (t) => `/api/action-plan/activities.xlsx?country=${t.country}`, status: signedIn(200) },
  'GET /api/action-plan/summary': { path: (t) => `/api/action-plan/summary?country=${t.country}`, status: signedIn(200) },
  // Filtered to what the caller may see, like the activities: an empty list, never a refusal.
  'GET /api/action-plan/recommendation-measures': { path: (t) => `/api/action-plan/recommendation-measures?country=${t.country}`, status: signedIn(200) },
  'POST /api/benchmarks/:id/activities': {
    path: (t) => `/api/benchmarks/${t.benchmark}/activities`,
    body: () => ({ code: `M.${++unique}`, title: 'Matrix activity', responsibleInstitution: 'Matrix', deadline: '2030-01-01' }),
    status: writesRecords(201),
  },
  // A stale version: the rights are checked first, then the version, so the activity never changes.
  'PATCH /api/activities/:id': {
    path: (t) => `/api/activities/${t.activity}`,
    body: () => ({ version: 99, status: 'in_progress' }),
    status: writesRecords(409),
  },
  'POST /api/activities/:id/progress-notes': {
    path: (t) => `/api/activities/${t.activity}/progress-notes`,
    body: () => ({ text: 'Matrix note' }),
    status: writesRecords(201),
  },
  'POST /api/activities/:id/corrective-measures': {
    path: (t) => `/api/activities/${t.activity}/corrective-measures`,
    body: () => ({ what: 'Matrix measure', responsible: 'Matrix', dueDate: '2030-01-01' }),
    status: (actor, side) => (actor === 'commission' ? 201 : writesRecords(201)(actor, side)),
  },
  'PATCH /api/corrective-measures/:id': {
    path: (t) => `/api/corrective-measures/${t.measure}`,
    body: () => ({ status: 'done' }),
    status: (actor, side) => (actor === 'commission' ? 200 : writesRecords(200)(actor, side)),
  },
  // Written consultations: anyone reads published ones; the Commission runs them; members of a recipient organisation see an
  // open one and reply; nobody else learns it exists (404). The matrix consultation is open, so summaries are 409 and stale versions 409.
  'GET /api/consultations': { path: () => '/api/consultations', status: anyone(200) },
  'POST /api/consultations': {
    path: () => '/api/consultations',
    body: () => ({ title: 'Matrix consultation' }),
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 201 : 403),
  },
  'GET /api/consultation-recipients': {
    path: () => '/api/consultation-recipients',
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 200 : 403),
  },
  'GET /api/consultations/:id': {
    path: (t) => `/api/consultations/${t.consultation}`,
    status: (actor, side) => (actor === 'commission' || (isRecipient(actor) && side === 'own') ? 200 : 404),
  },
  'PUT /api/consultations/:id': {
    path: (t) => `/api/consultations/${t.consultation}`,
    body: () => ({ version: 99, title: 'Matrix', topics: [], recipientIds: [] }),
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 409 : 403),
  },
  'POST /api/consultations/:id/transitions': {
    path: (t) => `/api/consultations/${t.consultation}/transitions`,
    body: () => ({ event: 'CLOSE', version: 99 }),
    status: (actor, side) => (actor === 'anonymous' ? 401 : actor === 'commission' || (isRecipient(actor) && side === 'own') ? 409 : 404),
  },
  'GET /api/consultations/:id/history': {
    path: (t) => `/api/consultations/${t.consultation}/history`,
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 200 : 403),
  },
  'PUT /api/consultations/:id/replies/:questionId': {
    path: (t) => `/api/consultations/${t.consultation}/replies/${t.question}`,
    body: () => ({ text: 'Matrix reply', send: false }),
    status: (actor, side) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 403 : isRecipient(actor) && side === 'own' ? 200 : 404),
  },
  'POST /api/consultations/:id/replies/:questionId/files': {
    path: (t) => `/api/consultations/${t.consultation}/replies/${t.question}/files`,
    status: (actor, side) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 403 : isRecipient(actor) && side === 'own' ? 422 : 404),
  },
  'GET /api/consultations/:id/files/:fileId': { path: (t) => `/api/consultations/${t.consultation}/files/${randomUUID()}`, status: anyone(404) },
  'PUT /api/consultations/:id/summaries/:questionId': {
    path: (t) => `/api/consultations/${t.consultation}/summaries/${t.question}`,
    body: () => ({ text: 'Matrix summary', citedOrganisationIds: [] }),
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 409 : 403),
  },
  // Peer-review missions: the Commission runs them, their experts work in them, the host country's ministry sees them
  // (the report and recommendations once shared); nobody else learns they exist (404).
  'GET /api/missions': { path: () => '/api/missions', status: signedIn(200) },
  'POST /api/missions': {
    path: () => '/api/missions',
    body: (t) => ({ title: 'Matrix mission', benchmarks: [t.benchmark], startDate: '2026-01-01', endDate: '2026-01-02', expertIds: [] }),
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 201 : 403),
  },
  'GET /api/missions/:id': {
    path: (t) => `/api/missions/${t.mission}`,
    status: (actor, side) => (actor === 'anonymous' ? 401 : seesMission(actor, side) ? 200 : 404),
  },
  'POST /api/missions/:id/terms-of-reference': {
    path: (t) => `/api/missions/${t.mission}/terms-of-reference`,
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 422 : 404),
  },
  'GET /api/missions/:id/terms-of-reference': { path: (t) => `/api/missions/${t.mission}/terms-of-reference`, status: signedIn(404) },
  'POST /api/missions/:id/report/share': {
    path: (t) => `/api/missions/${t.mission}/report/share`,
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 422 : 404),
  },
  'POST /api/missions/:id/meetings': {
    path: (t) => `/api/missions/${t.mission}/meetings`,
    body: () => ({ meetsOn: '2026-01-01', institution: 'Matrix institution' }),
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' || actor === 'expert' ? 201 : 404),
  },
  // Correcting a planned mission and its agenda is the Commission's alone (like planning one): anyone else is refused outright (403).
  'PATCH /api/missions/:id': {
    path: (t) => `/api/missions/${t.mission}`,
    body: async (t, sql) => ({
      title: `Matrix mission ${++unique}`,
      endDate: '2026-01-03',
      version: (await sql(`SELECT version FROM mission WHERE id = $1`, [t.mission]))[0].version,
    }),
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 200 : 403),
  },
  'PUT /api/missions/:id/meetings/:meetingId': {
    path: (t) => `/api/missions/${t.mission}/meetings/${t.meeting}`,
    body: () => ({ meetsOn: '2026-01-02', institution: 'Matrix institution, corrected' }),
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 200 : 403),
  },
  // A meeting not on the mission's agenda: the Commission is told so (404); the others are refused before that.
  'DELETE /api/missions/:id/meetings/:meetingId': {
    path: (t) => `/api/missions/${t.mission}/meetings/${randomUUID()}`,
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 404 : 403),
  },
  'PUT /api/missions/:id/findings/:benchmark': {
    path: (t) => `/api/missions/${t.mission}/findings/${t.benchmark}`,
    body: () => ({ text: 'Matrix finding' }),
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' || actor === 'expert' ? 200 : 404),
  },
  'POST /api/missions/:id/recommendations': {
    path: (t) => `/api/missions/${t.mission}/recommendations`,
    body: (t) => ({ benchmark: t.benchmark, text: 'Matrix recommendation', owner: 'Matrix', dueDate: '2030-01-01' }),
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' || actor === 'expert' ? 201 : 404),
  },
  // Follow-up: the Commission; the host ministry only once the report is shared (not here); an expert is told it is not theirs (422).
  'PATCH /api/recommendations/:id': {
    path: (t) => `/api/recommendations/${t.recommendation}`,
    body: () => ({ followUpNote: 'Matrix follow-up' }),
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 200 : actor === 'expert' ? 403 : 404),
  },
  // The Commission passes, then meets the rule that the report be shared first (the matrix's missions have none): 422.
  'POST /api/recommendations/:id/corrective-measure': {
    path: (t) => `/api/recommendations/${t.recommendation}/corrective-measure`,
    status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 422 : 404),
  },
  // Assistance projects: public to read; the country's ministry, the Commission and admins write (a CSO only what its organisation implements).
  'GET /api/projects': { path: (t) => `/api/projects?country=${t.country}`, status: anyone(200) },
  'GET /api/projects/:id': { path: (t) => `/api/projects/${t.project}`, status: anyone(200) },
  'GET /api/projects/:id/versions': { path: (t) => `/api/projects/${t.project}/versions`, status: anyone(200) },
  'POST /api/projects': {
    path: () => '/api/projects',
    body: (t) => ({ ...matrixProject(t), title: `Matrix project ${++unique}` }),
    status: (actor, side) => (actor === 'anonymous' ? 401 : writesProjects(actor, side) ? 201 : 403),
  },
  // A stale version: the rights are checked first, then the version, so the project never changes.
  'PUT /api/projects/:id': {
    path: (t) => `/api/projects/${t.project}`,
    body: (t) => ({ ...matrixProject(t), version: 99 }),
    status: (actor, side) => (actor === 'anonymous' ? 401 : writesProjects(actor, side) ? 409 : 403),
  },
  // IATI 2.03 files: the export is public (Serbia's demo projects are fit; Albania's matrix project states no date, so nothing is fit: 422);
  // the import needs a writer of projects: no file sent → 422 after the rights, an expert 403.
  'GET /api/projects/iati': {
    path: (t) => `/api/projects/iati?country=${t.country}&reportingOrg=XM-MATRIX&reportingOrgType=10`,
    status: (actor, side) => ((side === 'own') === (actor !== 'ministry.al') ? 200 : 422),
  },
  'GET /api/projects/:id/iati': { path: (t) => `/api/projects/${t.project}/iati?reportingOrg=XM-MATRIX&reportingOrgType=10`, status: anyone(422) },
  'POST /api/projects/iati': { path: () => '/api/projects/iati', status: (actor) => (actor === 'anonymous' ? 401 : actor === 'expert' ? 403 : 422) },
  'GET /api/experts': { path: () => '/api/experts', status: (actor) => (actor === 'anonymous' ? 401 : actor === 'commission' ? 200 : 403) },
  // Single sign-on is open to anyone; this app runs without an identity provider, so both say 404.
  'GET /api/auth/oidc/login': { path: () => '/api/auth/oidc/login?returnTo=/benchmarks', status: anyone(404) },
  'GET /api/auth/oidc/callback': { path: () => '/api/auth/oidc/callback?code=x&state=y', status: anyone(404) },
  'GET /api/admin/organisations': { path: () => '/api/admin/organisations', status: adminOnly(200) },
  'POST /api/admin/organisations': {
    path: () => '/api/admin/organisations',
    body: (t) => ({ name: `Matrix CSO ${++unique}`, kind: 'civil_society', country: t.country }),
    status: adminOnly(201),
  },
  'PATCH /api/admin/organisations/:id': {
    path: (t) => `/api/admin/organisations/${t.organisation}`,
    body: () => ({ name: `Renamed ${++unique}` }),
    status: adminOnly(200),
  },
  // Evidence items: whoever sees a shared item reads its versions and files (others: 404); its country's ministry changes it.
  'PATCH /api/evidence/:id': {
    path: (t) => `/api/evidence/${t.evidence}`,
    body: () => ({ version: 99, title: 'Matrix' }),
    status: (actor, side) => (actor === 'anonymous' ? 401 : !seesSharedEvidence(actor, side) ? 404 : isMinistry(actor) && side === 'own' ? 409 : 403),
  },
  'GET /api/evidence/:id/versions': {
    path: (t) => `/api/evidence/${t.evidence}/versions`,
    status: (actor, side) => (seesSharedEvidence(actor, side) ? 200 : 404),
  },
  'POST /api/evidence/:id/files': {
    path: (t) => `/api/evidence/${t.evidence}/files`,
    status: (actor, side) => (actor === 'anonymous' ? 401 : !seesSharedEvidence(actor, side) ? 404 : isMinistry(actor) && side === 'own' ? 422 : 403),
  },
  'DELETE /api/evidence/:id/files/:fileId': {
    path: (t) => `/api/evidence/${t.evidence}/files/${t.evidenceFile}`,
    status: (actor, side) => (actor === 'anonymous' ? 401 : !seesSharedEvidence(actor, side) ? 404 : isMinistry(actor) && side === 'own' ? 200 : 403),
  },
  'GET /api/evidence/:id/files/:fileId': {
    path: (t) => `/api/evidence/${t.evidence}/files/${t.evidenceFile}`,
    status: (actor, side) => (seesSharedEvidence(actor, side) ? 200 : 404),
  },
  // Search is open to anyone; what it finds depends on the caller (apps/api/src/evidence.integration-spec.ts).
  'GET /api/search': { path: (t) => `/api/search?q=matrix&country=${t.country}`, status: anyone(200) },
  'GET /api/admin/users': { path: () => '/api/admin/users', status: adminOnly(200) },
  'POST /api/admin/users': {
    path: () => '/api/admin/users',
    body: (t) => ({ email: `matrix${++unique}@demo.test`, displayName: 'Matrix', organisationId: t.organisation, roles: [{ role: 'civil_society' }] }),
    status: adminOnly(201),
  },
  'GET /api/admin/users/:id': { path: (t) => `/api/admin/users/${t.user}`, status: adminOnly(200) },
  'PATCH /api/admin/users/:id': { path: (t) => `/api/admin/users/${t.user}`, body: () => ({ displayName: 'Renamed' }), status: adminOnly(200) },
  'PUT /api/admin/users/:id/roles': {
    path: (t) => `/api/admin/users/${t.user}/roles`,
    body: () => ({ roles: [{ role: 'civil_society' }] }),
    status: adminOnly(200),
  },
  'POST /api/admin/users/:id/disable': { path: (t) => `/api/admin/users/${t.user}/disable`, status: adminOnly(200) },
  'POST /api/admin/users/:id/enable': { path: (t) => `/api/admin/users/${t.user}/enable`, status: adminOnly(200) },
  'POST /api/admin/users/:id/reset-password': { path: (t) => `/api/admin/users/${t.user}/reset-password`, status: adminOnly(200) },
  'POST /api/admin/users/:id/unlock': { path: (t) => `/api/admin/users/${t.user}/unlock`, status: adminOnly(200) },
  'POST /api/admin/users/:id/second-factor/reset': { path: (t) => `/api/admin/users/${t.user}/second-factor/reset`, status: adminOnly(200) },
  'GET /api/admin/settings': { path: () => '/api/admin/settings', status: adminOnly(200) },
  'PUT /api/admin/settings': { path: () => '/api/admin/settings', body: () => ({ oidcSelfProvisioningOrganisationId: null }), status: adminOnly(200) },
};

describe('authorization matrix', () => {
  let api: TestApi;
  const countries: Record<string, Omit<Target, 'user' | 'proposal'>> = {};
  const filesDir = mkdtempSync(join(tmpdir(), 'bt-matrix-files-'));
  let ip = 0;

  beforeAll(async () => {
    api = await startTestApi({ FILES_DIR: filesDir });
    // Albania gets one benchmark of its own, so every object exists on both sides of a country line.
    const [area] = await api.sql(
      `INSERT INTO area (country_code, chapter_number, code, title, position) VALUES ('AL', 24, 'MIG', 'Migration', 1) RETURNING id`,
    );
    await api.sql(`INSERT INTO benchmark (code, area_id, position, text) VALUES ('AL-24-MIG-01', $1, 1, 'Albania test benchmark')`, [area.id]);
    for (const country of ['RS', 'AL']) {
      const [org] = await api.sql(`SELECT id FROM organisation WHERE country_code = $1 AND kind = 'civil_society' LIMIT 1`, [country]);
      const organisation =
        org?.id ??
        (
          await api.sql(`INSERT INTO organisation (name, kind, country_code) VALUES ($1, 'civil_society', $2) RETURNING id`, [`${country} matrix CSO`, country])
        )[0].id;
      const [benchmark] = await api.sql(`SELECT id FROM benchmark WHERE code = $1`, [`${country}-24-MIG-01`]);
      const [expert] = await api.sql(`SELECT id FROM app_user WHERE email = 'expert@demo.test'`);
      const [mission] = await api.sql(`INSERT INTO mission (benchmark_id, start_date, end_date) VALUES ($1, '2026-01-01', '2026-01-02') RETURNING id`, [
        benchmark.id,
      ]);
      await api.sql(`INSERT INTO mission_expert (mission_id, user_id) VALUES ($1, $2)`, [mission.id, expert.id]);
      const [meeting] = await api.sql(
        `INSERT INTO mission_meeting (mission_id, meets_on, institution) VALUES ($1, '2026-01-01', 'Matrix institution') RETURNING id`,
        [mission.id],
      );
      const [author] = await api.sql(`SELECT id FROM app_user WHERE email = 'admin@demo.test'`);
      const [series] = await api.sql(
        `INSERT INTO track_record_series (benchmark_id, name, unit, category, created_by) VALUES ($1, 'Matrix series', 'cases', 'drugs', $2) RETURNING id`,
        [benchmark.id, author.id],
      );
      const [activity] = await api.sql(
        `INSERT INTO action_activity (benchmark_id, code, title, responsible_institution, deadline, created_by) VALUES ($1, 'M.1', 'Matrix activity', 'Matrix institution', '2020-01-01', $2) RETURNING id`,
        [benchmark.id, author.id],
      );
      const [measure] = await api.sql(
        `INSERT INTO corrective_measure (activity_id, benchmark_id, what, responsible, due_date, created_by) VALUES ($1, $2, 'Matrix measure', 'Matrix', '2030-01-01', $3) RETURNING id`,
        [activity.id, benchmark.id, author.id],
      );
      const records = { series: series.id, activity: activity.id, measure: measure.id };
      const [evidence] = await api.sql(
        `INSERT INTO evidence (benchmark_id, title, visibility, author_id) VALUES ($1, 'Matrix evidence', 'shared', $2) RETURNING id`,
        [benchmark.id, author.id],
      );
      await api.sql(
        `INSERT INTO evidence_version (evidence_id, version, title, narrative, visibility, author_id) VALUES ($1, 1, 'Matrix evidence', '', 'shared', $2)`,
        [evidence.id, author.id],
      );
      const evidenceFile = await storedEvidenceFile(evidence.id);
      const [recipient] = await api.sql(`SELECT organisation_id AS id FROM app_user WHERE email = $1`, [
        country === 'RS' ? 'cso@demo.test' : 'ministry.al@demo.test',
      ]);
      const [consultation] = await api.sql(
        `INSERT INTO consultation (title, deadline, state, snapshot, created_by) VALUES ('Matrix consultation', now() + interval '30 days', 'open', '{"value": "open"}', $1) RETURNING id`,
        [author.id],
      );
      const [topic] = await api.sql(`INSERT INTO consultation_topic (consultation_id, position, title) VALUES ($1, 1, 'Matrix topic') RETURNING id`, [
        consultation.id,
      ]);
      const [question] = await api.sql(`INSERT INTO consultation_question (topic_id, position, text) VALUES ($1, 1, 'Matrix question?') RETURNING id`, [
        topic.id,
      ]);
      await api.sql(`INSERT INTO consultation_recipient (consultation_id, organisation_id) VALUES ($1, $2)`, [consultation.id, recipient.id]);
      const [recommendation] = await api.sql(
        `INSERT INTO mission_recommendation (mission_id, benchmark_id, text, owner, due_date) VALUES ($1, $2, 'Matrix recommendation', 'Matrix', '2030-01-01') RETURNING id`,
        [mission.id, benchmark.id],
      );
      const consultations = { consultation: consultation.id, question: question.id, recommendation: recommendation.id };
      const [project] = await api.sql(`INSERT INTO assistance_project (country_code, title, instrument) VALUES ($1, 'Matrix project', 'grant') RETURNING id`, [
        country,
      ]);
      countries[country] = {
        country,
        benchmark: `${country}-24-MIG-01`,
        organisation,
        mission: mission.id,
        meeting: meeting.id,
        ...records,
        evidence: evidence.id,
        evidenceFile,
        ...consultations,
        project: project.id,
      };
    }
  });
  afterAll(() => api?.close());

  /** A PDF in FILES_DIR recorded as a current file of the evidence item. */
  async function storedEvidenceFile(evidenceId: string): Promise<string> {
    const key = randomUUID();
    writeFileSync(join(filesDir, key), '%PDF-1.7 matrix');
    const [file] = await api.sql(
      `INSERT INTO stored_file (storage_key, file_name, media_type, kind, sha256, size, uploaded_by)
       SELECT $1, 'matrix.pdf', 'application/pdf', 'pdf', repeat('0', 64), 15, author_id FROM evidence WHERE id = $2 RETURNING id`,
      [key, evidenceId],
    );
    await api.sql(`INSERT INTO evidence_file (evidence_id, stored_file_id, added_in_version) SELECT id, $2, version FROM evidence WHERE id = $1`, [
      evidenceId,
      file.id,
    ]);
    return file.id;
  }

  it('has a decision for every route the app serves, and no decision for a route it does not', () => {
    expect(routeTable(api.app)).toEqual(Object.keys(EXPECTATIONS).sort());
  });

  /** What a route's path would name if it acted on a proposal; the other routes' cells get none (NO_PROPOSAL). */
  const PROPOSAL_PROBE = 'proposal-probe';
  const NO_PROPOSAL = '00000000-0000-4000-8000-000000000001';

  const countryOf = (actor: Actor) => (actor === 'ministry.al' ? 'AL' : 'RS');
  const countryOfSide = (actor: Actor, side: Side) => (side === 'own' ? countryOf(actor) : countryOf(actor) === 'RS' ? 'AL' : 'RS');

  /**
   * A civil-society member of the object's country for every cell, by "actor/side": made in one
   * statement, as POST /api/admin/users makes one (the user and the role; the demo CSO's password
   * hash instead of a fresh temporary password's, 176 Argon2 hashes the cells do not need).
   */
  async function throwawayUsers(): Promise<Record<string, string>> {
    const cells = ACTORS.flatMap((actor) =>
      SIDES.map((side) => ({ cell: `${actor}/${side}`, email: `target${++unique}@demo.test`, country: countryOfSide(actor, side) })),
    );
    const made = await api.sql<{ id: string; email: string }>(
      `WITH made AS (
         INSERT INTO app_user (email, display_name, organisation_id, password_hash)
         SELECT t.email, 'Target', t.organisation, (SELECT password_hash FROM app_user WHERE email = 'cso@demo.test')
           FROM unnest($1::text[], $2::uuid[]) AS t(email, organisation)
         RETURNING id, email),
       roles AS (INSERT INTO role_assignment (user_id, role) SELECT id, 'civil_society' FROM made)
       SELECT id, email FROM made`,
      [cells.map((c) => c.email), cells.map((c) => countries[c.country].organisation)],
    );
    const byEmail = new Map(made.map((m) => [m.email, m.id]));
    return Object.fromEntries(cells.map((c) => [c.cell, byEmail.get(c.email) as string]));
  }

  /** One signed-in client per actor, reused across cells; the cells that end sessions drop it. */
  const clients = new Map<Actor, ApiClient>();
  const ENDS_SESSIONS = ['POST /api/auth/logout', 'POST /api/auth/logout-everywhere', 'POST /api/auth/password', 'POST /api/auth/sessions/end-others'];
  async function clientOf(actor: Actor): Promise<ApiClient> {
    const cached = clients.get(actor);
    if (cached) return cached;
    const client = api.client({ ip: `10.2.${Math.floor(++ip / 250)}.${ip % 250}` });
    if (actor !== 'anonymous') expect((await client.signIn(`${actor}@demo.test`)).status).toBe(200);
    else await client.get('/api/health');
    clients.set(actor, client);
    return client;
  }

  for (const route of Object.keys(EXPECTATIONS)) {
    it(`${route}: each caller on its own and on another country's object`, async () => {
      const expectation = EXPECTATIONS[route];
      const [method] = route.split(' ');
      const actsOnProposal = expectation.path({ ...countries['RS'], user: '', proposal: PROPOSAL_PROBE, evidenceFile: '' }).includes(PROPOSAL_PROBE);
      // A throwaway user for each cell of a route that works on a user, so disabling or renaming one never disturbs another cell.
      const users = route.includes('/users/:id') ? await throwawayUsers() : {};
      const outcomes: string[] = [];
      const wanted: string[] = [];
      for (const actor of ACTORS) {
        for (const side of SIDES) {
          const country = countryOfSide(actor, side);
          const user = users[`${actor}/${side}`] ?? '00000000-0000-4000-8000-000000000000';
          // A fresh proposal for each cell of a route that acts on one (hides or answers it).
          const [proposal] = actsOnProposal
            ? await api.sql(
                `INSERT INTO proposal (benchmark_id, text, author_id) SELECT b.id, 'Matrix', u.id FROM benchmark b, app_user u WHERE b.code = $1 AND u.email = 'commission@demo.test' RETURNING id`,
                [countries[country].benchmark],
              )
            : [{ id: NO_PROPOSAL }];
          // Removing a file needs one that is still there.
          const evidenceFile = route.startsWith('DELETE /api/evidence')
            ? await storedEvidenceFile(countries[country].evidence)
            : countries[country].evidenceFile;
          const target: Target = { ...countries[country], user, proposal: proposal.id, evidenceFile };
          const client = await clientOf(actor);
          const answer = await client.request(
            method,
            expectation.path(target),
            (await expectation.body?.(target, api.sql)) ?? (method === 'GET' ? undefined : {}),
          );
          if (ENDS_SESSIONS.includes(route)) clients.delete(actor);
          outcomes.push(`${actor}/${side}: ${answer.status}`);
          wanted.push(`${actor}/${side}: ${expectation.status(actor, side)}`);
        }
      }
      expect(outcomes).toEqual(wanted);
    });
  }
});
