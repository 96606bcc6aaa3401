import { fillIn, type PlaceholdersOf, type Reason, type ReasonParams, WORKFLOW_REASONS } from '@bt/workflow';

/**
 * Every refusal the API answers with, by a stable code, and its English wording; `{name}` marks a
 * parameter sent beside the code. The error body carries `{ code, params, message }` (message: this
 * wording filled in); the web app words each code in the reader's language (refusal-texts.ts in
 * libs/web/ui, which must word every code here) and falls back to `message` for a code it
 * does not know. A code never changes meaning; a new meaning takes a new code.
 */
export const REFUSALS = {
  ...WORKFLOW_REASONS,

  // Answers about the request as a whole, given when no more particular code applies.
  'request.invalid': 'The request is not valid: {details}',
  'request.malformed-value': 'A value in the request is malformed.',
  'request.conflict': 'The request conflicts with the current data; reload and try again.',
  'request.refused': '{details}',
  'request.not-found': 'Not found: {details}',
  'request.too-large': 'The request is too large: {details}',
  'request.too-many': 'Too many requests in a minute (at most {max}): try again in {seconds} seconds.',
  'request.timeout': 'The request stopped arriving: {details}',
  'auth.sign-in-needed': 'Sign in first.',
  'auth.forbidden': 'You may not do this: {details}',
  'server.error': 'Something went wrong on our side; it has been logged.',
  'server.unavailable': 'The service is not available right now: {details}',

  // The form of a request: its fields (class-validator's English details), its path and its body.
  'request.invalid-fields': 'Some fields of the request are not valid ({fields}): {details}',
  'request.not-a-uuid': 'Validation failed (uuid is expected)',
  'request.no-such-route': 'Cannot {method} {path}',
  'request.json-too-deep': 'The JSON body nests deeper than {max} levels.',
  'request.ill-formed-text': '{field} is not well-formed text: it holds a lone UTF-16 surrogate or a NUL character.',
  'request.ill-formed-body': 'The body is not well-formed text: it holds a lone UTF-16 surrogate or a NUL character.',
  'request.malformed-json': "Body is not valid JSON but content-type is set to 'application/json'",
  'request.empty-json-body': "Body cannot be empty when content-type is set to 'application/json'",
  'request.body-too-large': 'Request body is too large',
  'request.body-length-mismatch': 'Request body size did not match Content-Length',
  'request.unsupported-media-type': 'Unsupported Media Type: {type}',

  // Costly requests past their limit per caller and minute (rate-limits.ts).
  'request.too-many-searches': 'Too many searches in a minute (at most {max}): try again in {seconds} seconds.',
  'request.too-many-uploads': 'Too many uploads in a minute (at most {max}): try again in {seconds} seconds.',
  'request.too-many-imports': 'Too many imports in a minute (at most {max}): try again in {seconds} seconds.',
  'request.too-many-reports': 'Too many downloads of generated reports in a minute (at most {max}): try again in {seconds} seconds.',

  // Uploads: the multipart form and its file.
  'upload.too-many-fields': 'A form may carry one file and at most {fields} other fields.',
  'upload.one-file-only': 'A form may carry one file.',
  'upload.file-too-large': 'The file is larger than the upload limit.',
  'upload.malformed-form': 'The body is not a well-formed multipart form: {details}.',
  'upload.broke-off': 'The upload broke off before the end of its file (cut off, or a form without its closing boundary).',
  'upload.abandoned': 'Nothing of the upload arrived for {seconds} seconds: it was abandoned. Send it again.',
  'upload.file-missing': 'Send the file as a multipart field named "file".',
  'upload.file-empty': 'The file is empty.',
  'upload.kind-not-accepted': "Accepted here: {kinds} — decided by the file's contents, not its name.",
  'file.not-found': 'No file {id}',
  'server.database-unavailable': 'The database does not answer.',

  // A field's value, whatever the request (the field by its name in the request).
  'request.field-empty': '{field} must not be empty',
  'request.not-a-calendar-day': '{field} is not a date of the calendar',

  // Signing in, sessions and the second factor.
  'auth.xsrf-token-missing': 'This request lacks the XSRF token: reload the page and try again.',
  'auth.session-ended': 'Your session has ended. Please sign in again.',
  'auth.second-factor-setup-needed': 'Set up two-step sign-in first: it is required for your role (see your account page).',
  'auth.role-needed': 'This needs the role {roles}.',
  'auth.too-many-failed-sign-ins': 'Too many failed sign-ins: try again in {minutes} minutes.',
  'auth.wrong-credentials': 'Wrong e-mail or password.',
  'auth.no-sign-in-waiting': 'No sign-in is waiting for a code here (it waits {minutes} minutes): enter your e-mail and password again.',
  'auth.wrong-sign-in-code': 'Wrong code: check the authenticator app (and the time on the phone), or use a recovery code.',
  'auth.wrong-current-password': 'The current password is wrong.',
  'auth.session-not-found': 'No other session {id} of yours',
  'auth.provider-unavailable': '{provider} does not answer at the moment; try again in a minute or sign in with your password.',
  'auth.single-sign-on-off': 'Single sign-on is not configured on this server (OIDC_ISSUER is not set).',
  'second-factor.set-up-already':
    'Two-step sign-in is set up already: switch it off with a code first to set up another app (or ask an administrator to reset it).',
  'second-factor.no-set-up-in-progress': 'No set-up is in progress: start it again from the account page.',
  'second-factor.required-for-role': 'Two-step sign-in is required for your role: it cannot be switched off (an admin can reset it if the phone is lost).',
  'second-factor.wrong-code': 'That code is not right: check the authenticator app (and that the phone shows the right time), then try again.',
  'second-factor.not-set-up': 'Two-step sign-in is not set up for this account.',

  // Users, organisations and roles, as an admin manages them.
  'user.not-found': 'No user {id}',
  'user.email-taken': 'A user with the e-mail {email} exists already.',
  'user.own-admin-role': 'You cannot take the admin role from yourself; ask another admin.',
  'user.own-account-disable': 'You cannot disable your own account.',
  'user.roles-not-fitting': 'The roles do not fit the organisation: errors lists each problem.',
  'role.given-twice': 'role {role} is given twice',
  'role.wrong-organisation-kind': 'role {role} needs an organisation of kind {kinds}, not {kind}',
  'role.coordinator-only-ministry': 'only the ministry role can be a coordinator',
  'organisation.not-found': 'No organisation {id}',
  'organisation.unknown': 'unknown organisation {id}',
  'organisation.name-taken': 'An organisation named "{name}" exists already.',
  'organisation.fields-not-fitting': "The organisation's country does not fit its kind: errors lists each problem.",
  'organisation.country-needed': 'an organisation of kind {kind} belongs to a country: give its country',
  'organisation.no-country-on-eu-side': 'an organisation of kind {kind} is on the EU side: it has no country',
  'organisation.member-state-needed': 'a Member State body needs its memberState',
  'organisation.member-state-only-for-member-state-body': 'only a Member State body has a memberState',
  'country.unknown': 'unknown country {country}',

  // The workflow of a benchmark.
  'benchmark.not-found': 'No benchmark {ref}',
  'benchmark.changed-meanwhile': 'The benchmark changed meanwhile (version {current}, not {sent}): reload and try again.',
  'benchmark.not-possible-now': '{event} is not possible while the benchmark is {state}.',
  'benchmark.list-page-too-far': 'page {page} starts past the first {limit} benchmarks: page on with after, the next of the page before',
  'benchmark.ref-malformed': 'id must be a uuid or a benchmark code such as RS-24-MIG-02',

  // Evidence of a benchmark.
  'evidence.not-found': 'No evidence {id}',
  'evidence.changed-meanwhile': 'This evidence is at version {current} now, not {sent}: someone changed it meanwhile. Reload it and apply your change again.',
  'evidence.file-not-in-current-version': 'No file {id} in the current version of this evidence',
  'evidence.file-not-found': 'No file {id} in this evidence',
  'evidence.only-ministry': "Only the ministry of the benchmark's country adds or changes evidence.",
  'evidence.read-only-while-submitted':
    'Evidence is read-only while the benchmark is submitted; it opens again when changes are requested or the benchmark is reopened.',
  'evidence.read-only-while-in-peer-review':
    'Evidence is read-only while the benchmark is peerReview; it opens again when changes are requested or the benchmark is reopened.',
  'evidence.read-only-while-accepted':
    'Evidence is read-only while the benchmark is accepted; it opens again when changes are requested or the benchmark is reopened.',
  'evidence.period-ends-before-start': 'periodEnd must be on or after periodStart',
  'evidence.sub-requirement-not-on-benchmark': 'subRequirementIds must be sub-requirements of {code}',
  'evidence.link-not-an-address': '{url} is not a web address',
  'evidence.link-not-web': 'links must be http or https addresses',

  // Assessments.
  'assessment.text-empty': 'text must not be empty: an assessment says why',
  'assessment.not-yours': "Assessments come from the Commission, and from the ministry and civil society of the benchmark's country.",
  'assessment.source-for-civil-society-only': 'Only a shadow assessment of civil society cites the monitoring project it comes from.',
  'assessment.source-not-found': 'sourceProjectId names no assistance project',
  'assessment.source-of-another-country': "The cited project is {country}'s; the benchmark is {benchmarkCountry}'s.",
  'assessment.source-not-implemented-by-you': 'A shadow assessment cites a project your organisation implements; {title} is not one.',

  // The civil-society dialogue of a benchmark: proposals, comments, answers.
  'dialogue.not-found': 'No dialogue on benchmark {ref} for you',
  'dialogue.closed': 'The benchmark is accepted: its dialogue is closed (read-only).',
  'dialogue.proposal-not-yours': "Proposals come from the civil society of the benchmark's country.",
  'dialogue.reply-not-yours': "Replies come from the benchmark's country (its civil society and ministry) and the Commission.",
  'dialogue.parent-not-on-benchmark': 'parentId is not a contribution on this benchmark',
  'dialogue.sub-requirement-not-on-benchmark': 'subRequirementId is not a sub-requirement of this benchmark',
  'dialogue.evidence-not-on-benchmark': 'evidenceId is not an evidence item of this benchmark',
  'dialogue.answer-not-yours': "The ministry of the benchmark's country answers proposals.",
  'dialogue.answer-only-proposals': 'Only proposals take an answer; reply to a comment instead.',
  'dialogue.answer-hidden': 'A moderator hid this proposal; it needs no answer.',
  'dialogue.reasoning-empty': 'reasoning must not be empty: every answer gives its reasons',
  'dialogue.hide-only-moderator': 'Only a moderator (admin) hides contributions.',
  'dialogue.hidden-already': 'It is hidden already.',
  'proposal.not-found': 'No proposal {id}',

  // Track records: series, figures and the import of a sheet (each problem of a sheet at its row and column).
  'track-records.only-ministry': "Only the ministry of the benchmark's country records track records.",
  'track-records.name-or-unit-empty': 'name and unit must not be empty',
  'track-records.series-name-taken': 'The benchmark already has a series named "{name}".',
  'track-records.series-not-found': 'No track-record series {id}',
  'track-records.period-malformed': 'period must be a year such as 2019 or a quarter such as 2020-Q1',
  'track-records.not-a-sheet': 'The file could not be read as a spreadsheet.',
  'track-records.sheet-unpacks-too-large':
    'The file unpacks to more than {megabytes} MB. A track-record sheet of at most {figures} figures is far smaller: is it the right file?',
  'track-records.sheet-too-long': 'The sheet has more than {rows} rows, blank ones included: a track-record sheet holds at most {figures} figures.',
  'track-records.sheet-has-a-problem': 'Nothing was imported: the sheet has 1 problem.',
  'track-records.sheet-has-problems': 'Nothing was imported: the sheet has {count} problems.',
  'track-records.column-missing': 'The header row has no "{column}" column.',
  'track-records.no-figures': 'The sheet has no figures under its header row.',
  'track-records.too-many-figures': 'A sheet may hold at most {max} figures.',
  'track-records.cell-missing': 'The {column} is missing.',
  'track-records.cell-too-long': 'At most {max} characters.',
  'track-records.cell-not-a-category': '"{value}" is not a category; use one of: {categories}.',
  'track-records.cell-not-a-period': '"{value}": period must be a year such as 2019 or a quarter such as 2020-Q1.',
  'track-records.cell-not-a-figure': '"{value}" is not a figure: write a number of zero or more with at most two decimals, such as 65 or 1250.50.',
  'track-records.unit-differs-in-sheet': 'The series "{series}" has the unit "{unit}" in row {row}.',
  'track-records.category-differs-in-sheet': 'The series "{series}" has the category "{category}" in row {row}.',
  'track-records.counting-rule-differs-in-sheet': 'The series "{series}" has another counting rule in row {row}.',
  'track-records.period-twice': 'The series "{series}" already has a figure for {period} in row {row}.',
  'track-records.stored-unit-differs': 'The series "{series}" is counted in "{unit}": a sheet cannot change its unit (name a new series instead).',
  'track-records.stored-category-differs': 'The series "{series}" is in the category "{category}": a sheet cannot change it (name a new series instead).',

  // The Action Plan: activities and corrective measures.
  'action-plan.only-ministry-plans': "Only the ministry of the benchmark's country plans its activities.",
  'action-plan.only-ministry-updates': "Only the ministry of the benchmark's country updates its activities.",
  'action-plan.measures-not-yours': "Only the ministry of the benchmark's country or the Commission decides corrective measures.",
  'action-plan.activity-not-found': 'No activity {id}',
  'action-plan.activity-code-taken': 'The benchmark already has an activity {code}.',
  'action-plan.activity-changed-meanwhile': 'The activity changed meanwhile (version {current}, you saw {sent}); reload it.',
  'action-plan.budget-partial': 'A budget needs its amount, currency and source together.',
  'action-plan.title-or-institution-empty': 'title and responsibleInstitution must not be empty',
  'action-plan.activity-completed': 'The activity is completed: it needs no corrective measure.',
  'action-plan.activity-not-late': 'The activity is not late: its deadline {deadline} has not passed.',
  'action-plan.what-or-responsible-empty': 'what and responsible must not be empty',
  'action-plan.measure-not-found': 'No corrective measure {id}',

  // Notifications: the admins' retry of a failed e-mail.
  'notification.not-found': 'No notification {id}',
  'notification.mail-not-failed': 'This e-mail has not failed: only a failed e-mail is retried.',
  // Notification preferences: each kind chosen once per request.
  'notification.preference-kind-repeated': 'The kind {kind} is given more than once: choose each kind once.',
  'notification.unsubscribe-token-invalid': 'This unsubscribe link is not valid: it may be incomplete or altered. Open your account to choose your e-mails.',

  // Peer-review missions: their plan, agenda, report, findings and recommendations.
  'mission.not-found': 'No mission {id}',
  'mission.changed-meanwhile': 'The mission changed meanwhile (version {current}, not {sent}): reload and try again.',
  'mission.title-empty': 'the mission needs a title',
  'mission.one-country': 'a mission covers benchmarks of one country',
  'mission.benchmark-of-another-country': '{code} is not a benchmark of {country}: a mission covers benchmarks of one country',
  'mission.scope-benchmark-unknown': 'every benchmark of the scope must exist',
  'mission.scope-keeps-planning-benchmark': 'the scope keeps {code}: its workflow planned this mission',
  'mission.scope-keeps-worked-benchmark': 'the scope keeps {code}: the mission has findings or recommendations on it',
  'mission.benchmark-not-in-scope': "{ref} is not in the mission's scope",
  'mission.expert-not-eligible': 'every assigned expert must be an active user with the expert role',
  'mission.meeting-outside-dates': "a meeting of the agenda falls within the mission's dates ({start} to {end}); {date} does not",
  'mission.meeting-would-fall-outside': 'the meeting with {institution} on {date} would fall outside {start} to {end}: move or remove it first',
  'mission.meeting-not-found': 'No meeting {meeting} on the agenda of mission {mission}',
  'mission.terms-of-reference-not-found': 'No terms of reference for mission {id}',
  'mission.report-not-found': 'No report for mission {id}',
  'mission.not-current': 'This mission is not the current one of its benchmark.',
  'mission.report-not-now': 'A mission report is uploaded during the peer review, before the mission reports.',
  'mission.report-shared-not-replaced': 'The report was shared with the ministry: it is no longer replaced.',
  'mission.no-report-to-share': 'there is no report to share yet',
  'mission.report-shared-already': 'The report is already shared.',
  'recommendation.not-found': 'No recommendation {id}',
  'recommendation.follow-up-not-yours': 'The follow-up is recorded by the Commission and the ministry.',
  'recommendation.evidence-not-shared': 'linked evidence must be shared evidence of the recommendation’s benchmark',
  'recommendation.measure-already': 'This recommendation is already a corrective measure.',
  'recommendation.report-not-shared': 'Share the mission report with the ministry first: the corrective measure goes into its Action Plan.',

  // Assistance projects: who writes them and what they may support.
  'assistance.project-not-found': 'No project {id}',
  'assistance.not-yours-to-write':
    "Only the ministry of the project's country, the Commission, an admin or a civil-society organisation implementing it writes a project.",
  'assistance.cso-must-implement': 'A civil-society organisation writes only projects it implements: name your organisation as an implementer.',
  'assistance.project-changed-meanwhile': 'The project changed meanwhile (version {current}, you saw {sent}); reload it.',
  'assistance.unknown-country': 'No country {country}',
  'assistance.country-fixed': 'A project stays in its country ({country}).',
  'assistance.benchmark-not-found': 'No benchmark {benchmark}',
  'assistance.benchmark-of-another-country': "{benchmark} is not a benchmark of {country}, the project's country.",
  'assistance.sub-requirement-not-of-benchmark': '{subRequirement} is not a sub-requirement of {benchmark}.',
  'assistance.activity-not-of-benchmark': 'The Action Plan activity is not one of {benchmark}.',
  'assistance.link-twice': 'The project supports {benchmark} twice.',
  'assistance.budget-partial': 'A budget needs its amount and currency together.',
  'assistance.ends-before-start': '{field} comes before the start.',
  'assistance.period-reversed': 'period {period} ends before it starts',
  'assistance.iati-identifier-taken': 'Another project has the IATI identifier {identifier}.',
  'assistance.organisation-not-found': 'No organisation {id}',

  // IATI 2.03 files of assistance projects: the export and the import (docs/assistance.md).
  'iati.nothing-to-export': 'There is no project of {country} to export.',
  'iati.reporting-org-half': 'State the reporting organisation with its type: reportingOrg and reportingOrgType go together.',
  'iati.not-exportable': 'Nothing to export: {count} problems make the projects unfit for IATI 2.03.',
  'iati.reporting-org-unknown': 'No reporting organisation: state one (reportingOrg, reportingOrgType) or name a funder with its IATI identifier and type.',
  'iati.reporting-org-differs':
    "Another organisation reports this project ({ref}) than the file's first project ({first}): an IATI file has one reporting organisation; state it for the file.",
  'iati.no-activity-date': 'IATI 2.03 needs a date of the activity, and the project states none.',
  'iati.no-participating-org': 'IATI 2.03 needs a funding, accountable, extending or implementing organisation, and the project names none.',
  'iati.doctype-refused': 'The file declares a DOCTYPE or an entity: an IATI file needs neither, and such files are refused.',
  'iati.not-well-formed': 'The file is not well-formed XML (line {line}): {details}',
  'iati.unreadable': 'The file is well-formed XML but could not be read: {details}',
  'iati.not-iati-activities': 'The file is not an IATI activities file: its root element is "{root}", not iati-activities.',
  'iati.version-not-read': 'The file is of IATI version "{version}"; this import reads versions 2.01 to 2.03.',
  'iati.no-activity': 'The file holds no iati-activity.',
  'iati.too-many-activities': 'The file holds more than {max} activities: split it.',
  'iati.file-has-a-problem': 'Nothing was imported: the file has 1 problem.',
  'iati.file-has-problems': 'Nothing was imported: the file has {count} problems.',
  'iati.element-missing': '{element} is missing.',
  'iati.code-not-in-codelist': '{element}: "{value}" is not a code of {codelist}.',
  'iati.value-malformed': '{element}: "{value}" is not {expected}.',
  'iati.value-not-accepted': 'The value of {element} is not accepted: {details}.',
  'iati.identifier-twice': 'The activity {identifier} appears twice in the file.',
  'iati.one-recipient-country': 'A project here is of one country: the activity names {count} recipient countries.',
  'iati.budget-currencies-differ': 'The budgets are in different currencies ({currencies}); a project here has one budget in one currency.',

  // The workflow of a written consultation.
  'consultation.changed-meanwhile': 'The consultation changed meanwhile (version {current}, not {sent}): reload and try again.',
  'consultation.not-possible-now': '{event} is not possible while the consultation is {state}.',
  'consultation.not-found': 'No consultation {id}',
  'consultation.edit-only-draft': 'Only a draft consultation can be edited; return it to draft first.',
  'consultation.recipient-not-partner': 'every recipient must be an organisation of a partner (ministry, coordination body or civil society)',
  'consultation.foreign-topics': 'not a topic or question of this consultation: {ids}',
  'consultation.topic-twice': 'a topic or question appears twice',
  'consultation.reply-only-recipient': 'Only a member of a recipient organisation may reply.',
  'consultation.question-not-found': 'No question {id} in this consultation',
  'consultation.deadline-passed': 'The deadline for replies has passed.',
  'consultation.replies-not-accepted': 'Replies are not accepted while the consultation is {state}.',
  'consultation.reply-sent-already': 'This reply was already sent and can no longer be changed.',
  'consultation.reply-empty': 'An empty reply cannot be sent.',
  'consultation.file-not-found': 'No file {id} in this consultation',
  'consultation.summary-not-yet': 'A summary is written once the consultation is closed, not while it is {state}.',
  'consultation.summary-cites-non-recipient': 'a summary can cite only recipients of the consultation',

  // Generated documents (Word, PDF).
  'report.unknown-format': 'There is no document format "{format}": ask for one of {allowed}.',
} as const satisfies Record<string, string>;

export type RefusalCode = keyof typeof REFUSALS;

/** The parameters a refusal's wording needs, by name, as the rest of an argument list (none: nothing). */
export type RefusalArgs<C extends RefusalCode> =
  PlaceholdersOf<(typeof REFUSALS)[C]> extends never ? [] : [Record<PlaceholdersOf<(typeof REFUSALS)[C]>, string | number>];

/** A reason with a code of REFUSALS. */
export type RefusalReason<C extends RefusalCode = RefusalCode> = Reason & { code: C };

/** A refusal as it travels: code, parameters and the English wording. */
export function refusal<C extends RefusalCode>(code: C, ...params: RefusalArgs<C>): RefusalReason<C> {
  const filled: ReasonParams = params[0] ?? {};
  return { code, params: filled, message: fillIn(REFUSALS[code], filled) };
}

/**
 * The one body every refused or failed API call answers with (the OpenAPI schema ErrorBody): the
 * status, a stable `code` of REFUSALS and its `params` (the web app words them in the reader's
 * language), the English `message`, and the request's id — the same as in the `X-Request-Id` header
 * and the server's log line — for whoever reports the problem.
 */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: RefusalCode;
  params: ReasonParams;
  message: string | string[];
  /** Itemised problems, e.g. an import's per-row report: each `{ code, params, message }` (and its row and column). */
  errors?: unknown[];
  requestId: string;
}

/**
 * A field's own refusal, when it is the request's only field in error: the `context` of its
 * class-validator constraint (`@IsIn(…, { context: fieldRefusal(…) })`); the API's validation pipe
 * answers with it instead of `request.invalid-fields`. `undefined` for a value it does not word
 * (a missing one, say), which stays an invalid field.
 */
export interface FieldRefusal {
  refusal(value: unknown): RefusalReason | undefined;
}

export function fieldRefusal(refusal: (value: unknown) => RefusalReason | undefined): FieldRefusal {
  return { refusal };
}
