import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type * as Xml from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import {
  type AssistanceInstrument,
  ASSISTANCE_INSTRUMENTS,
  IATI_ROLE_CODES,
  isPartialDate,
  type ParticipantRole,
  type ProjectDto,
  refusal,
  type RefusalCode,
  type RefusalArgs,
} from '@bt/contracts';
import { onFirstUse } from '@bt/api/core';

/** xmlbuilder2, required with the first IATI file written (onFirstUse). */
const xmlbuilder2 = onFirstUse(() => require('xmlbuilder2') as typeof Xml);

/*
 * IATI 2.03 activity files, out and in (docs/assistance.md, "IATI 2.03: the mapping as built").
 * Pure functions: the project ↔ XML mapping; the service does the reading, writing and rights.
 */

/**
 * The children of `iati-activity` this export writes, in the order the 2.03 activity schema's
 * sequence requires them (iati-activities-schema.xsd). Elements we never write are not listed; an
 * element listed here may still be left out of one activity (a budget without dates, no sectors).
 */
export const IATI_ACTIVITY_ORDER = [
  'iati-identifier',
  'reporting-org',
  'title',
  'description',
  'participating-org',
  'activity-status',
  'activity-date',
  'recipient-country',
  'sector',
  'default-aid-type',
  'budget',
  'document-link',
] as const;

/** The IATI version written, and the versions read (2.0x share this element order and these codelists). */
export const IATI_VERSION = '2.03';
const READ_VERSIONS = /^2\.0[1-3]$/;

/** Our namespace for what IATI has no attribute for, so that a round trip keeps it (IATI allows extensions in a namespace of their own). */
export const BT_NAMESPACE = 'urn:benchmark-tracker:iati-extension:1';

/** How many activities a file may hold. */
export const MAX_IMPORT_ACTIVITIES = 500;

/** Description types (IATI DescriptionType): 1 general, 2 objectives, 3 target groups, 4 other. */
const DESCRIPTION = { general: '1', objectives: '2', targetGroups: '3', other: '4' } as const;
/** ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
const DATE_TYPES = { plannedStart: '1', actualStart: '2', plannedEnd: '3', actualEnd: '4' } as const;
type DateField = keyof typeof DATE_TYPES;
const DATE_FIELDS = Object.keys(DATE_TYPES) as DateField[];
/** DocumentCategory A12: activity web page. */
const WEB_PAGE_CATEGORY = 'A12';
/** AidType (vocabulary 1, OECD DAC) where one fits the instrument; `other` has none. */
const AID_TYPES: Partial<Record<AssistanceInstrument, string>> = {
  twinning: 'C01',
  grant: 'C01',
  cso_project: 'C01',
  bilateral_programme: 'C01',
  technical_assistance: 'D02',
  budget_support: 'A02',
};
/** An aid type read without our instrument attribute (a donor's file). */
const INSTRUMENT_OF_AID_TYPE: Record<string, AssistanceInstrument> = {
  C01: 'grant',
  D01: 'technical_assistance',
  D02: 'technical_assistance',
  A01: 'budget_support',
  A02: 'budget_support',
};
const ROLE_OF_CODE: Record<string, ParticipantRole> = { '1': 'funding', '2': 'accountable', '3': 'extending', '4': 'implementing' };

/** The organisation reporting an activity: `reporting-org` @ref, @type (OrganisationType) and its name. */
export interface ReportingOrg {
  ref: string;
  type: number;
  name: string;
}

/** A problem found in one project (export) or one activity (import), by IATI element. */
export interface IatiProblem {
  /** The activity's iati-identifier (import) or the project's id (export); `#n` for an activity without identifier. */
  activity: string;
  element: string;
  code: RefusalCode;
  params: Record<string, string | number>;
  message: string;
}

export function problem<C extends RefusalCode>(activity: string, element: string, code: C, ...params: RefusalArgs<C>): IatiProblem {
  const reason = refusal(code, ...params);
  return { activity, element, code, params: reason.params as Record<string, string | number>, message: reason.message };
}

// ---------------------------------------------------------------- export

/** The first (start) or last (end) day of a year, month or day as precise as stated. */
export function isoDay(date: string, end: boolean): string {
  if (date.length === 10) return date;
  if (date.length === 4) return end ? `${date}-12-31` : `${date}-01-01`;
  if (!end) return `${date}-01`;
  const [y, m] = date.split('-').map(Number);
  return `${date}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The identifier the project is published under: its own, else one made from the reporting organisation (`{ref}-BT-{id}`). */
export function activityIdentifier(project: Pick<ProjectDto, 'id' | 'iatiIdentifier'>, reporting: ReportingOrg): string {
  return project.iatiIdentifier ?? `${reporting.ref}-BT-${project.id}`;
}

/** The reporting organisation of a project: the one stated for the file, else its first funder with an IATI identifier and type. */
export function reportingOrgOf(project: ProjectDto, stated: ReportingOrg | null): ReportingOrg | null {
  if (stated) return stated;
  const funder = project.participants.find((p) => p.role === 'funding' && p.ref && p.type);
  return funder ? { ref: funder.ref as string, type: funder.type as number, name: funder.name } : null;
}

/** Why a project cannot be an IATI 2.03 activity (it lacks what the schema requires and we cannot state truthfully). */
export function exportProblems(project: ProjectDto, stated: ReportingOrg | null): IatiProblem[] {
  const problems: IatiProblem[] = [];
  if (!reportingOrgOf(project, stated)) problems.push(problem(project.id, 'reporting-org', 'iati.reporting-org-unknown'));
  if (!DATE_FIELDS.some((f) => project[f])) problems.push(problem(project.id, 'activity-date', 'iati.no-activity-date'));
  if (!project.participants.some((p) => IATI_ROLE_CODES[p.role] !== null)) problems.push(problem(project.id, 'participating-org', 'iati.no-participating-org'));
  return problems;
}

/**
 * ActivityStatus for a project that states none (2.03 requires one), from its dates against today:
 * 1 before its start, 3 (finalisation) after its end, else 2 (implementation). Marked `bt:derived`
 * so that an import of the file leaves the status unknown again.
 */
export function derivedStatus(project: ProjectDto, today: string): number {
  const start = project.actualStart ?? project.plannedStart;
  const end = project.actualEnd ?? project.plannedEnd;
  if (start && today < isoDay(start, false)) return 1;
  if (end && today > isoDay(end, true)) return 3;
  return 2;
}

function narrative(parent: XMLBuilder, text: string): void {
  parent.ele('narrative').txt(text);
}

function activityXml(root: XMLBuilder, project: ProjectDto, reporting: ReportingOrg, today: string): void {
  const activity = root.ele('iati-activity', { 'xml:lang': 'en', 'last-updated-datetime': project.updatedAt.replace(/\.\d+Z$/, 'Z') });
  // The order below is IATI_ACTIVITY_ORDER's; the test compares the file against it.
  activity.ele('iati-identifier').txt(activityIdentifier(project, reporting));
  const reportingEl = activity.ele('reporting-org', { ref: reporting.ref, type: String(reporting.type) });
  if (!project.participants.some((p) => p.ref === reporting.ref)) reportingEl.att('secondary-reporter', '1');
  narrative(reportingEl, reporting.name);
  narrative(activity.ele('title'), project.title);
  const descriptions: { type: string; text: string; section?: string }[] = [];
  if (project.description) descriptions.push({ type: DESCRIPTION.general, text: project.description });
  for (const objective of project.objectives) descriptions.push({ type: DESCRIPTION.objectives, text: objective });
  for (const beneficiary of project.participants.filter((p) => p.role === 'beneficiary')) {
    descriptions.push({ type: DESCRIPTION.targetGroups, text: `Beneficiary: ${beneficiary.name}`, section: 'beneficiary' });
  }
  for (const component of project.components) descriptions.push({ type: DESCRIPTION.other, text: component, section: 'component' });
  // 2.03 requires a description: the title stands in, marked so that an import does not take it for one.
  if (!descriptions.length) descriptions.push({ type: DESCRIPTION.general, text: project.title, section: 'title' });
  for (const d of descriptions) {
    const el = activity.ele('description', { type: d.type });
    if (d.section) el.att(BT_NAMESPACE, 'bt:section', d.section);
    narrative(el, d.text);
  }
  for (const p of project.participants) {
    const role = IATI_ROLE_CODES[p.role];
    if (role === null) continue;
    const el = activity.ele('participating-org', { role: String(role) });
    if (p.ref) el.att('ref', p.ref);
    if (p.type) el.att('type', String(p.type));
    narrative(el, p.name);
  }
  const status = activity.ele('activity-status', { code: String(project.status ?? derivedStatus(project, today)) });
  if (project.status === null) status.att(BT_NAMESPACE, 'bt:derived', 'dates');
  for (const field of DATE_FIELDS) {
    const value = project[field];
    if (!value) continue;
    const end = field.endsWith('End');
    const el = activity.ele('activity-date', { type: DATE_TYPES[field], 'iso-date': isoDay(value, end) });
    if (value.length < 10) {
      // A month or year is not a day: said in the narrative (as IATI suggests) and in our attribute, which an import reads back.
      el.att(BT_NAMESPACE, 'bt:precision', value.length === 4 ? 'year' : 'month');
      narrative(el, value);
    }
  }
  activity.ele('recipient-country', { code: project.country, percentage: '100' });
  const share = project.sectors.length ? sectorShares(project.sectors.length) : [];
  project.sectors.forEach((code, i) => activity.ele('sector', { vocabulary: '1', code, ...(project.sectors.length > 1 ? { percentage: share[i] } : {}) }));
  const aidType = AID_TYPES[project.instrument as AssistanceInstrument];
  // Vocabulary 1 (OECD DAC) is the default: no @vocabulary, which the 2.03 schemas do not all declare.
  if (aidType) activity.ele('default-aid-type', { code: aidType }).att(BT_NAMESPACE, 'bt:instrument', project.instrument);
  const start = project.actualStart ?? project.plannedStart;
  const end = project.actualEnd ?? project.plannedEnd;
  if (project.budget && start && end) {
    const budget = activity.ele('budget', { type: '1' });
    budget.ele('period-start', { 'iso-date': isoDay(start, false) });
    budget.ele('period-end', { 'iso-date': isoDay(end, true) });
    budget.ele('value', { currency: project.budget.currency, 'value-date': isoDay(start, false) }).txt(String(project.budget.amount));
  }
  for (const link of project.links) {
    const el = activity.ele('document-link', { url: link.url, format: 'text/html' });
    narrative(el.ele('title'), link.title ?? link.url);
    el.ele('category', { code: WEB_PAGE_CATEGORY });
  }
}

/** Percentages adding up to 100 with two decimals, the remainder on the last. */
function sectorShares(n: number): string[] {
  const each = Math.floor(10000 / n) / 100;
  return Array.from({ length: n }, (_, i) => (i < n - 1 ? each : Math.round((100 - each * (n - 1)) * 100) / 100).toFixed(2));
}

/** An `iati-activities` 2.03 file of the projects (each already fit: see exportProblems); `omitted` are named in a comment. */
export function iatiActivitiesXml(projects: ProjectDto[], stated: ReportingOrg | null, now: Date, omitted: IatiProblem[] = []): string {
  const root = xmlbuilder2()
    .create({ version: '1.0', encoding: 'UTF-8' })
    .ele('iati-activities', {
      version: IATI_VERSION,
      'generated-datetime': now.toISOString().replace(/\.\d+Z$/, 'Z'),
    });
  root.att('http://www.w3.org/2000/xmlns/', 'xmlns:bt', BT_NAMESPACE);
  if (omitted.length) {
    root.com(` Left out, not fit for IATI 2.03: ${omitted.map((p) => `project ${p.activity} (${p.element}: ${p.message})`).join('; ')} `.replace(/--/g, '- -'));
  }
  const today = now.toISOString().slice(0, 10);
  for (const project of projects) activityXml(root, project, reportingOrgOf(project, stated) as ReportingOrg, today);
  return root.end({ prettyPrint: true });
}

// ---------------------------------------------------------------- import

/** What an activity of a file says, in this model's terms; what IATI does not carry stays undefined (kept from the project). */
export interface ImportedActivity {
  identifier: string;
  /** The project of this app the identifier was made for (`{ref}-BT-{id}`), when it was. */
  derivedFromProject: string | null;
  country: string;
  title: string;
  description: string;
  objectives: string[];
  components: string[] | undefined;
  instrument: AssistanceInstrument | undefined;
  status: number | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  budget: { amount: number; currency: string } | null;
  sectors: string[];
  participants: { name: string; role: ParticipantRole; ref: string | null; type: number | null }[];
  links: { url: string; title: string | null }[];
}

/** Refused before it is read: a DOCTYPE (and with it any entity declaration) — no external entities, no entity expansion. */
export function declaresDoctypeOrEntity(text: string): boolean {
  return /<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text);
}

/** The five XML entities and character references, decoded in one pass (no others exist without a DTD, which is refused). */
function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name] as string;
  });
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  processEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

const children = (node: Node | undefined, name: string): Node[] =>
  ((node?.[name] as unknown[] | undefined) ?? []).map((c) => (typeof c === 'string' ? { '#text': c } : (c as Node)));
const attr = (node: Node | undefined, name: string): string | undefined => {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? decodeXml(value).trim() : undefined;
};
const text = (node: Node | undefined): string => {
  const value = node?.['#text'];
  return typeof value === 'string' ? decodeXml(value).trim() : '';
};
/** The first narrative of an element (the activity's language comes first when narratives say theirs). */
const narrativeOf = (node: Node | undefined): string => {
  const narratives = children(node, 'narrative');
  const chosen = narratives.find((n) => !attr(n, 'xml:lang') || attr(n, 'xml:lang') === 'en') ?? narratives[0];
  return text(chosen);
};
/** Our extension attribute, under whatever prefix the file binds our namespace to. */
const ours = (node: Node | undefined, name: string, prefix: string | null): string | undefined => (prefix ? attr(node, `${prefix}:${name}`) : undefined);

/** The problems of a file as a whole (null: it reads), else its activities. */
export type ReadFile =
  | { refused: { code: RefusalCode; params: Record<string, string | number> } }
  | { activities: ImportedActivity[]; problems: IatiProblem[] };

/** Reads an IATI activities file: refuses what is not one; lists every problem of every activity by element. */
export function readIatiActivities(bytes: Buffer): ReadFile {
  const xml = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (declaresDoctypeOrEntity(xml)) return { refused: { code: 'iati.doctype-refused', params: {} } };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { refused: { code: 'iati.not-well-formed', params: { line: valid.err.line, details: valid.err.msg } } };
  let parsed: Node;
  try {
    parsed = parser.parse(xml) as Node;
  } catch (error) {
    // Well-formed but beyond what the parser reads (elements nested thousands deep): refused, not a 500.
    return { refused: { code: 'iati.unreadable', params: { details: error instanceof Error ? error.message : String(error) } } };
  }
  const roots = Object.keys(parsed).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
  const root = children(parsed, 'iati-activities')[0];
  if (!root || roots.length !== 1) return { refused: { code: 'iati.not-iati-activities', params: { root: roots[0] ?? '' } } };
  const version = attr(root, 'version') ?? '';
  if (!READ_VERSIONS.test(version)) return { refused: { code: 'iati.version-not-read', params: { version } } };
  const prefix =
    Object.keys(root)
      .find((k) => k.startsWith('@xmlns:') && attr(root, k.slice(1)) === BT_NAMESPACE)
      ?.slice('@xmlns:'.length) ?? null;
  const activities = children(root, 'iati-activity');
  if (!activities.length) return { refused: { code: 'iati.no-activity', params: {} } };
  if (activities.length > MAX_IMPORT_ACTIVITIES) return { refused: { code: 'iati.too-many-activities', params: { max: MAX_IMPORT_ACTIVITIES } } };
  const problems: IatiProblem[] = [];
  const read: ImportedActivity[] = [];
  const seen = new Set<string>();
  activities.forEach((node, index) => {
    const activity = readActivity(node, index, prefix, problems);
    if (!activity) return;
    if (seen.has(activity.identifier))
      problems.push(problem(activity.identifier, 'iati-identifier', 'iati.identifier-twice', { identifier: activity.identifier }));
    seen.add(activity.identifier);
    read.push(activity);
  });
  return { activities: read, problems };
}

function readActivity(node: Node, index: number, prefix: string | null, problems: IatiProblem[]): ImportedActivity | null {
  const identifier = text(children(node, 'iati-identifier')[0]);
  const label = identifier || `#${index + 1}`;
  const before = problems.length;
  const fail = <C extends RefusalCode>(element: string, code: C, ...params: RefusalArgs<C>) => problems.push(problem(label, element, code, ...params));
  if (!identifier) fail('iati-identifier', 'iati.element-missing', { element: 'iati-identifier' });
  const title = narrativeOf(children(node, 'title')[0]);
  if (!title) fail('title', 'iati.element-missing', { element: 'title/narrative' });

  const general: string[] = [];
  const objectives: string[] = [];
  const components: string[] = [];
  let componentsSaid = false;
  for (const d of children(node, 'description')) {
    const section = ours(d, 'section', prefix);
    const said = narrativeOf(d);
    if (!said || section === 'title' || section === 'beneficiary') continue;
    const type = attr(d, 'type') ?? DESCRIPTION.general;
    if (section === 'component') {
      componentsSaid = true;
      components.push(said);
    } else if (type === DESCRIPTION.objectives) objectives.push(said);
    else if (type === DESCRIPTION.general) general.push(said);
  }

  const participants: ImportedActivity['participants'] = [];
  for (const org of children(node, 'participating-org')) {
    const code = attr(org, 'role') ?? '';
    const role = ROLE_OF_CODE[code];
    if (!role) {
      fail('participating-org', 'iati.code-not-in-codelist', { element: 'participating-org/@role', value: code, codelist: 'OrganisationRole (1–4)' });
      continue;
    }
    const ref = attr(org, 'ref') || null;
    const typeText = attr(org, 'type');
    const type = typeText ? Number(typeText) : null;
    if (typeText && !(Number.isInteger(type) && (type as number) >= 10 && (type as number) <= 90)) {
      fail('participating-org', 'iati.code-not-in-codelist', { element: 'participating-org/@type', value: typeText, codelist: 'OrganisationType' });
    }
    const name = narrativeOf(org) || ref;
    if (!name) fail('participating-org', 'iati.element-missing', { element: 'participating-org/narrative' });
    else participants.push({ name, role, ref, type: type && Number.isInteger(type) ? type : null });
  }

  const statusEl = children(node, 'activity-status')[0];
  let status: number | null = null;
  if (statusEl && ours(statusEl, 'derived', prefix) === undefined) {
    const code = attr(statusEl, 'code') ?? '';
    if (/^[1-6]$/.test(code)) status = Number(code);
    else fail('activity-status', 'iati.code-not-in-codelist', { element: 'activity-status/@code', value: code, codelist: 'ActivityStatus (1–6)' });
  }

  const dates: Record<DateField, string | null> = { plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null };
  for (const d of children(node, 'activity-date')) {
    const type = attr(d, 'type') ?? '';
    const field = DATE_FIELDS.find((f) => DATE_TYPES[f] === type);
    if (!field) {
      fail('activity-date', 'iati.code-not-in-codelist', { element: 'activity-date/@type', value: type, codelist: 'ActivityDateType (1–4)' });
      continue;
    }
    const day = attr(d, 'iso-date') ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isPartialDate(day)) {
      fail('activity-date', 'iati.value-malformed', { element: `activity-date[@type=${type}]/@iso-date`, value: day, expected: 'a day such as 2018-09-14' });
      continue;
    }
    const precision = ours(d, 'precision', prefix);
    dates[field] = precision === 'year' ? day.slice(0, 4) : precision === 'month' ? day.slice(0, 7) : day;
  }

  const countries = children(node, 'recipient-country').map((c) => attr(c, 'code') ?? '');
  if (countries.length !== 1) fail('recipient-country', 'iati.one-recipient-country', { count: countries.length });
  else if (!/^[A-Z]{2}$/.test(countries[0]))
    fail('recipient-country', 'iati.value-malformed', {
      element: 'recipient-country/@code',
      value: countries[0],
      expected: 'an ISO 3166-1 alpha-2 code such as RS',
    });

  const sectors: string[] = [];
  for (const s of children(node, 'sector')) {
    const vocabulary = attr(s, 'vocabulary') ?? '1';
    if (vocabulary !== '1') continue; // Only DAC 5-digit codes are kept here; other vocabularies are left out.
    const code = attr(s, 'code') ?? '';
    if (/^\d{5}$/.test(code)) sectors.push(code);
    else fail('sector', 'iati.code-not-in-codelist', { element: 'sector/@code', value: code, codelist: 'Sector (DAC 5-digit)' });
  }

  let instrument: AssistanceInstrument | undefined;
  const aid = children(node, 'default-aid-type')[0];
  if (aid) {
    const ourInstrument = ours(aid, 'instrument', prefix);
    const vocabulary = attr(aid, 'vocabulary') ?? '1';
    instrument =
      ASSISTANCE_INSTRUMENTS.find((i) => i === ourInstrument) ?? (vocabulary === '1' ? INSTRUMENT_OF_AID_TYPE[attr(aid, 'code') ?? ''] : undefined) ?? 'other';
  }

  // The budget: the revised ones (type 2) when there are, else the original ones, summed over their periods.
  let budget: ImportedActivity['budget'] = null;
  const budgets = children(node, 'budget');
  const chosen = budgets.some((b) => attr(b, 'type') === '2')
    ? budgets.filter((b) => attr(b, 'type') === '2')
    : budgets.filter((b) => (attr(b, 'type') ?? '1') === '1');
  if (chosen.length) {
    let amount = 0;
    const currencies = new Set<string>();
    for (const b of chosen) {
      const value = children(b, 'value')[0];
      const said = text(value);
      const currency = attr(value, 'currency') ?? attr(node, 'default-currency') ?? '';
      if (!/^-?\d+(\.\d+)?$/.test(said)) fail('budget', 'iati.value-malformed', { element: 'budget/value', value: said, expected: 'a decimal amount' });
      else amount += Number(said);
      if (!/^[A-Z]{3}$/.test(currency))
        fail('budget', 'iati.value-malformed', { element: 'budget/value/@currency', value: currency, expected: 'an ISO 4217 currency code such as EUR' });
      else currencies.add(currency);
    }
    if (currencies.size > 1) fail('budget', 'iati.budget-currencies-differ', { currencies: [...currencies].join(', ') });
    else if (currencies.size === 1) budget = { amount: Math.round(amount * 100) / 100, currency: [...currencies][0] };
  }

  const links: ImportedActivity['links'] = [];
  for (const l of children(node, 'document-link')) {
    const url = attr(l, 'url') ?? '';
    if (!/^https?:\/\/\S{1,2000}$/.test(url)) {
      fail('document-link', 'iati.value-malformed', { element: 'document-link/@url', value: url, expected: 'an http or https address' });
      continue;
    }
    const linkTitle = narrativeOf(children(l, 'title')[0]);
    links.push({ url, title: linkTitle && linkTitle !== url ? linkTitle : null });
  }

  if (problems.length > before) return null;
  const derived = /-BT-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(identifier);
  return {
    identifier,
    derivedFromProject: derived ? derived[1] : null,
    country: countries[0],
    title,
    description: general.join('\n\n'),
    objectives,
    components: componentsSaid ? components : undefined,
    instrument,
    status,
    ...dates,
    budget,
    sectors,
    participants,
    links,
  };
}
