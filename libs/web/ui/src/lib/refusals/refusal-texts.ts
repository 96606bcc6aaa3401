import { formatDate } from '@angular/common';
import type { RefusalCode, Role } from '@bt/contracts';
import { roleLabel } from '../words/role-labels';
import type { Reason, ReasonParams } from '@bt/workflow';

type Wording = (p: ReasonParams) => string;

/**
 * Every refusal and reason code of the API (contracts' REFUSALS, which has the English) in the
 * reader's language. The type makes it complete: a new code does not compile until it is worded here.
 */
const REFUSAL_TEXTS: Record<RefusalCode, Wording> = {
  // Who may fire a workflow event.
  'workflow.only-coordinator': () =>
    $localize`:Reason an action is refused@@refusal.workflow.only-coordinator:Only a ministry coordinator of the benchmark's country may do this.`,
  'workflow.only-commission': () => $localize`:Reason an action is refused@@refusal.workflow.only-commission:Only the Commission may do this.`,
  'workflow.only-commission-or-expert': () =>
    $localize`:Reason an action is refused@@refusal.workflow.only-commission-or-expert:Only the Commission or an expert of the mission may do this.`,
  // The unmet conditions of the workflows (also shown beside a disabled action).
  'workflow.shared-evidence-needed': () =>
    $localize`:Unmet workflow condition@@refusal.workflow.shared-evidence-needed:At least one evidence item shared with reviewers is needed.`,
  'workflow.proposals-unanswered': (p) =>
    $localize`:Unmet workflow condition; count is a number, excerpts the proposals quoted@@refusal.workflow.proposals-unanswered:Civil-society proposals still need a reasoned answer: ${p['count']}:count:${p['excerpts']}:excerpts:.`,
  'workflow.comment-needed': () => $localize`:Unmet workflow condition@@refusal.workflow.comment-needed:A comment saying what to change is needed.`,
  'workflow.mission-dates-needed': () => $localize`:Unmet workflow condition@@refusal.workflow.mission-dates-needed:The mission needs a start and an end date.`,
  'workflow.mission-ends-before-start': () =>
    $localize`:Unmet workflow condition@@refusal.workflow.mission-ends-before-start:The mission cannot end before it starts.`,
  'workflow.mission-expert-needed': () =>
    $localize`:Unmet workflow condition@@refusal.workflow.mission-expert-needed:The mission needs at least one assigned expert.`,
  'workflow.no-mission-planned': () => $localize`:Unmet workflow condition@@refusal.workflow.no-mission-planned:No mission is planned.`,
  'workflow.mission-not-started': (p) =>
    $localize`:Unmet workflow condition@@refusal.workflow.mission-not-started:The mission starts on ${day(p['date'])}:date:.`,
  'workflow.mission-report-needed': () =>
    $localize`:Unmet workflow condition@@refusal.workflow.mission-report-needed:The mission report document must be uploaded first.`,
  'workflow.assessment-needed': () =>
    $localize`:Unmet workflow condition@@refusal.workflow.assessment-needed:An assessment (state of preparation, progress and its text) is needed.`,
  'workflow.mission-required': () =>
    $localize`:Unmet workflow condition@@refusal.workflow.mission-required:This benchmark needs a peer-review mission before acceptance.`,
  'workflow.mission-not-reported': () =>
    $localize`:Unmet workflow condition@@refusal.workflow.mission-not-reported:The peer-review mission has not reported yet.`,
  'workflow.justification-needed': () => $localize`:Unmet workflow condition@@refusal.workflow.justification-needed:A justification for reopening is needed.`,
  'workflow.question-needed': () => $localize`:Unmet workflow condition@@refusal.workflow.question-needed:At least one topic with a question is needed.`,
  'workflow.topics-without-question': (p) =>
    $localize`:Unmet workflow condition@@refusal.workflow.topics-without-question:Topics without a question yet: ${p['count']}:count:.`,
  'workflow.recipient-needed': () => $localize`:Unmet workflow condition@@refusal.workflow.recipient-needed:At least one recipient organisation is needed.`,
  'workflow.deadline-not-ahead': () => $localize`:Unmet workflow condition@@refusal.workflow.deadline-not-ahead:The deadline must be in the future.`,
  'workflow.replies-already-sent': (p) =>
    $localize`:Unmet workflow condition@@refusal.workflow.replies-already-sent:Replies were already sent: ${p['count']}:count:.`,
  'workflow.new-deadline-needed': () =>
    $localize`:Unmet workflow condition@@refusal.workflow.new-deadline-needed:A new deadline in the future is needed to reopen.`,
  'workflow.questions-unsummarised': (p) =>
    $localize`:Unmet workflow condition@@refusal.workflow.questions-unsummarised:Questions still without a summary: ${p['count']}:count:.`,

  // About a request as a whole.
  'request.invalid': (p) => $localize`:Refusal of a request@@refusal.request.invalid:The request is not valid: ${p['details']}:details:`,
  'request.malformed-value': () => $localize`:Refusal of a request@@refusal.request.malformed-value:A value in the request is malformed.`,
  'request.conflict': () => $localize`:Refusal of a request@@refusal.request.conflict:The request conflicts with the current data; reload and try again.`,
  'request.refused': (p) => `${p['details']}`,
  'request.not-found': (p) => $localize`:Refusal of a request@@refusal.request.not-found:Not found: ${p['details']}:details:`,
  'request.too-large': (p) => $localize`:Refusal of a request@@refusal.request.too-large:The request is too large: ${p['details']}:details:`,
  'request.too-many': (p) =>
    $localize`:Refusal of a request@@refusal.request.too-many:Too many requests of this kind; try again in ${p['seconds']}:seconds: seconds.`,
  'request.timeout': (p) => $localize`:Refusal of a request@@refusal.request.timeout:The request stopped arriving: ${p['details']}:details:`,
  'auth.sign-in-needed': () => $localize`:Refusal of a request@@refusal.auth.sign-in-needed:Sign in first.`,
  'auth.forbidden': (p) => $localize`:Refusal of a request@@refusal.auth.forbidden:You may not do this: ${p['details']}:details:`,
  'server.error': () => $localize`:Refusal of a request@@refusal.server.error:Something went wrong on our side; it has been logged.`,
  'server.unavailable': (p) => $localize`:Refusal of a request@@refusal.server.unavailable:The service is not available right now: ${p['details']}:details:`,
  'server.database-unavailable': () =>
    $localize`:Refusal of a request@@refusal.server.database-unavailable:The database does not answer right now; try again in a minute.`,

  // The form of a request: its fields, its address and its body.
  'request.invalid-fields': (p) =>
    $localize`:Refusal of a request; fields are the names of the fields in the request@@refusal.request.invalid-fields:Please correct these fields: ${p['fields']}:fields:.`,
  'request.not-a-uuid': () => $localize`:Refusal of a request@@refusal.request.not-a-uuid:The address names something by a malformed identifier.`,
  'request.no-such-route': (p) =>
    $localize`:Refusal of a request; path is an address of the API@@refusal.request.no-such-route:Nothing is found at ${p['path']}:path:.`,
  'request.json-too-deep': (p) => $localize`:Refusal of a request@@refusal.request.json-too-deep:The request nests deeper than ${p['max']}:max: levels.`,
  'request.ill-formed-text': (p) =>
    $localize`:Refusal of a request; field is the name of a field in the request@@refusal.request.ill-formed-text:The field ${p['field']}:field: holds a character that cannot be stored (a NUL or a lone surrogate).`,
  'request.ill-formed-body': () =>
    $localize`:Refusal of a request@@refusal.request.ill-formed-body:The request holds a character that cannot be stored (a NUL or a lone surrogate).`,
  'request.malformed-json': () => $localize`:Refusal of a request@@refusal.request.malformed-json:The request is not valid JSON.`,
  'request.empty-json-body': () => $localize`:Refusal of a request@@refusal.request.empty-json-body:The request is empty.`,
  'request.body-too-large': () => $localize`:Refusal of a request@@refusal.request.body-too-large:The request is too large.`,
  'request.body-length-mismatch': () => $localize`:Refusal of a request@@refusal.request.body-length-mismatch:The request arrived incomplete: try again.`,
  'request.unsupported-media-type': (p) =>
    $localize`:Refusal of a request; type is a media type such as text/plain@@refusal.request.unsupported-media-type:The server does not read requests of the type ${p['type']}:type:.`,

  // Costly requests past their limit per minute.
  'request.too-many-searches': (p) =>
    $localize`:Refusal of a request@@refusal.request.too-many-searches:Too many searches in a minute (at most ${p['max']}:max:): try again in ${p['seconds']}:seconds: seconds.`,
  'request.too-many-uploads': (p) =>
    $localize`:Refusal of a request@@refusal.request.too-many-uploads:Too many uploads in a minute (at most ${p['max']}:max:): try again in ${p['seconds']}:seconds: seconds.`,
  'request.too-many-imports': (p) =>
    $localize`:Refusal of a request@@refusal.request.too-many-imports:Too many imports in a minute (at most ${p['max']}:max:): try again in ${p['seconds']}:seconds: seconds.`,
  'request.too-many-reports': (p) =>
    $localize`:Refusal of a request@@refusal.request.too-many-reports:Too many downloads of generated reports in a minute (at most ${p['max']}:max:): try again in ${p['seconds']}:seconds: seconds.`,

  // Uploads and stored files.
  'upload.too-many-fields': (p) =>
    $localize`:Refusal of an upload@@refusal.upload.too-many-fields:A form may carry one file and at most ${p['fields']}:fields: other fields.`,
  'upload.one-file-only': () => $localize`:Refusal of an upload@@refusal.upload.one-file-only:A form may carry one file.`,
  'upload.file-too-large': () => $localize`:Refusal of an upload@@refusal.upload.file-too-large:The file is larger than the upload limit.`,
  'upload.malformed-form': () => $localize`:Refusal of an upload@@refusal.upload.malformed-form:The upload is not a well-formed form: try again.`,
  'upload.broke-off': () => $localize`:Refusal of an upload@@refusal.upload.broke-off:The upload broke off before the end of the file: send it again.`,
  'upload.abandoned': (p) =>
    $localize`:Refusal of an upload@@refusal.upload.abandoned:Nothing of the upload arrived for ${p['seconds']}:seconds: seconds: it was abandoned. Send it again.`,
  'upload.file-missing': () => $localize`:Refusal of an upload@@refusal.upload.file-missing:No file arrived with the upload: choose one and try again.`,
  'upload.file-empty': () => $localize`:Refusal of an upload@@refusal.upload.file-empty:The file is empty.`,
  'upload.kind-not-accepted': (p) =>
    $localize`:Refusal of an upload; kinds is a list of file formats such as PDF, DOCX@@refusal.upload.kind-not-accepted:Accepted here: ${p['kinds']}:kinds: (decided by the file's contents, not its name).`,
  'file.not-found': () => $localize`:Refusal of a request@@refusal.file.not-found:The file was not found.`,

  // A field's value, whatever the request.
  'request.field-empty': (p) =>
    $localize`:Refusal of a request; field is the name of a field in the request@@refusal.request.field-empty:The field ${p['field']}:field: must not be empty.`,
  'request.not-a-calendar-day': (p) =>
    $localize`:Refusal of a request; field is the name of a field in the request@@refusal.request.not-a-calendar-day:The field ${p['field']}:field: is not a date of the calendar.`,

  // Signing in, sessions and the second factor.
  'auth.xsrf-token-missing': () =>
    $localize`:Refusal of a request@@refusal.auth.xsrf-token-missing:This request lacks its security token: reload the page and try again.`,
  'auth.session-ended': () => $localize`:Refusal of a request@@refusal.auth.session-ended:Your session has ended. Please sign in again.`,
  'auth.second-factor-setup-needed': () =>
    $localize`:Refusal of a request@@refusal.auth.second-factor-setup-needed:Set up two-step sign-in first: your role requires it (see your account page).`,
  'auth.role-needed': () => $localize`:Refusal of a request@@refusal.auth.role-needed:This needs a role you do not have.`,
  'auth.too-many-failed-sign-ins': (p) =>
    $localize`:Refusal of a sign-in@@refusal.auth.too-many-failed-sign-ins:Too many failed sign-ins: try again in ${p['minutes']}:minutes: minutes.`,
  'auth.wrong-credentials': () => $localize`:Refusal of a sign-in@@refusal.auth.wrong-credentials:The e-mail address or the password is not correct.`,
  'auth.no-sign-in-waiting': (p) =>
    $localize`:Refusal of a sign-in@@refusal.auth.no-sign-in-waiting:No sign-in is waiting for a code any more (it waits ${p['minutes']}:minutes: minutes): enter your e-mail address and password again.`,
  'auth.wrong-sign-in-code': () =>
    $localize`:Refusal of a sign-in@@refusal.auth.wrong-sign-in-code:Wrong code: check the authenticator app (and the time on the phone), or use a recovery code.`,
  'auth.wrong-current-password': () => $localize`:Refusal of a request@@refusal.auth.wrong-current-password:The current password is not correct.`,
  'auth.session-not-found': () => $localize`:Refusal of a request@@refusal.auth.session-not-found:This session has ended already.`,
  'auth.provider-unavailable': (p) =>
    $localize`:Refusal of a sign-in; provider is the name of the single sign-on provider@@refusal.auth.provider-unavailable:${p['provider']}:provider: does not answer at the moment; try again in a minute or sign in with your password.`,
  'auth.single-sign-on-off': () => $localize`:Refusal of a sign-in@@refusal.auth.single-sign-on-off:Single sign-on is not set up on this server.`,
  'second-factor.set-up-already': () =>
    $localize`:Refusal of a request@@refusal.second-factor.set-up-already:Two-step sign-in is set up already: switch it off with a code first to set up another app (or ask an administrator to reset it).`,
  'second-factor.no-set-up-in-progress': () =>
    $localize`:Refusal of a request@@refusal.second-factor.no-set-up-in-progress:No set-up is in progress: start it again from the account page.`,
  'second-factor.required-for-role': () =>
    $localize`:Refusal of a request@@refusal.second-factor.required-for-role:Two-step sign-in is required for your role: it cannot be switched off (an administrator can reset it if the phone is lost).`,
  'second-factor.wrong-code': () =>
    $localize`:Refusal of a request@@refusal.second-factor.wrong-code:That code is not right: check the authenticator app (and that the phone shows the right time), then try again.`,
  'second-factor.not-set-up': () => $localize`:Refusal of a request@@refusal.second-factor.not-set-up:Two-step sign-in is not set up for this account.`,

  // Users, organisations and roles.
  'user.not-found': () => $localize`:Refusal of a request@@refusal.user.not-found:The user was not found.`,
  'user.email-taken': (p) => $localize`:Refusal of a request@@refusal.user.email-taken:A user with the e-mail address ${p['email']}:email: exists already.`,
  'user.own-admin-role': () =>
    $localize`:Refusal of a request@@refusal.user.own-admin-role:You cannot take the administrator role from yourself; ask another administrator.`,
  'user.own-account-disable': () => $localize`:Refusal of a request@@refusal.user.own-account-disable:You cannot disable your own account.`,
  'user.roles-not-fitting': () =>
    $localize`:Refusal of a request; followed by each problem@@refusal.user.roles-not-fitting:The roles do not fit the organisation.`,
  'role.given-twice': (p) => $localize`:A problem with roles@@refusal.role.given-twice:The role ${role(p['role'])}:role: is given twice.`,
  'role.wrong-organisation-kind': (p) =>
    $localize`:A problem with roles@@refusal.role.wrong-organisation-kind:The role ${role(p['role'])}:role: needs another kind of organisation.`,
  'role.coordinator-only-ministry': () => $localize`:A problem with roles@@refusal.role.coordinator-only-ministry:Only the ministry role can be a coordinator.`,
  'organisation.not-found': () => $localize`:Refusal of a request@@refusal.organisation.not-found:The organisation was not found.`,
  'organisation.unknown': () => $localize`:Refusal of a request@@refusal.organisation.unknown:The organisation chosen does not exist (any more).`,
  'organisation.name-taken': (p) =>
    $localize`:Refusal of a request@@refusal.organisation.name-taken:An organisation named “${p['name']}:name:” exists already.`,
  'organisation.fields-not-fitting': () =>
    $localize`:Refusal of a request; followed by each problem@@refusal.organisation.fields-not-fitting:The organisation's country does not fit its kind.`,
  'organisation.country-needed': () =>
    $localize`:A problem with an organisation@@refusal.organisation.country-needed:An organisation of this kind belongs to a country: choose its country.`,
  'organisation.no-country-on-eu-side': () =>
    $localize`:A problem with an organisation@@refusal.organisation.no-country-on-eu-side:An organisation of this kind is on the EU side: it has no country.`,
  'organisation.member-state-needed': () =>
    $localize`:A problem with an organisation@@refusal.organisation.member-state-needed:A Member State body needs its Member State.`,
  'organisation.member-state-only-for-member-state-body': () =>
    $localize`:A problem with an organisation@@refusal.organisation.member-state-only-for-member-state-body:Only a Member State body has a Member State.`,
  'country.unknown': (p) => $localize`:Refusal of a request@@refusal.country.unknown:There is no country ${p['country']}:country:.`,

  // Benchmarks and their workflow.
  'benchmark.not-found': (p) => $localize`:Refusal of a request@@refusal.benchmark.not-found:No benchmark ${p['ref']}:ref:.`,
  'benchmark.changed-meanwhile': () =>
    $localize`:Refusal of a request@@refusal.benchmark.changed-meanwhile:The benchmark changed meanwhile: reload and try again.`,
  'benchmark.not-possible-now': () =>
    $localize`:Refusal of a request@@refusal.benchmark.not-possible-now:This step is not possible in the benchmark's current state: reload the page.`,
  'benchmark.list-page-too-far': (p) =>
    $localize`:Refusal of a request@@refusal.benchmark.list-page-too-far:Page ${p['page']}:page: starts past the first ${p['limit']}:limit: benchmarks: narrow the search.`,
  'benchmark.ref-malformed': () =>
    $localize`:Refusal of a request@@refusal.benchmark.ref-malformed:The address names a benchmark by neither its code (such as RS-24-MIG-02) nor its identifier.`,

  // Evidence.
  'evidence.not-found': () => $localize`:Refusal of a request@@refusal.evidence.not-found:This evidence item was not found.`,
  'evidence.changed-meanwhile': () =>
    $localize`:Refusal of a request@@refusal.evidence.changed-meanwhile:Someone changed this evidence item meanwhile: reload it and apply your change again.`,
  'evidence.file-not-in-current-version': () =>
    $localize`:Refusal of a request@@refusal.evidence.file-not-in-current-version:The file is not in the current version of this evidence item.`,
  'evidence.file-not-found': () => $localize`:Refusal of a request@@refusal.evidence.file-not-found:The file is not in this evidence item.`,
  'evidence.only-ministry': () =>
    $localize`:Refusal of a request@@refusal.evidence.only-ministry:Only the ministry of the benchmark's country adds or changes evidence.`,
  'evidence.read-only-while-submitted': () =>
    $localize`:Refusal of a request@@refusal.evidence.read-only-while-submitted:Evidence cannot be changed while the benchmark is submitted; it opens again when changes are requested.`,
  'evidence.read-only-while-in-peer-review': () =>
    $localize`:Refusal of a request@@refusal.evidence.read-only-while-in-peer-review:Evidence cannot be changed while the benchmark is in peer review; it opens again when changes are requested.`,
  'evidence.read-only-while-accepted': () =>
    $localize`:Refusal of a request@@refusal.evidence.read-only-while-accepted:Evidence cannot be changed once the benchmark is accepted; it opens again if the benchmark is reopened.`,
  'evidence.period-ends-before-start': () =>
    $localize`:Refusal of a request@@refusal.evidence.period-ends-before-start:The period cannot end before it starts.`,
  'evidence.sub-requirement-not-on-benchmark': (p) =>
    $localize`:Refusal of a request@@refusal.evidence.sub-requirement-not-on-benchmark:Only sub-requirements of ${p['code']}:code: can be chosen.`,
  'evidence.link-not-an-address': (p) => $localize`:Refusal of a request@@refusal.evidence.link-not-an-address:${p['url']}:url: is not a web address.`,
  'evidence.link-not-web': () => $localize`:Refusal of a request@@refusal.evidence.link-not-web:Links must be web addresses (http or https).`,

  // Assessments.
  'assessment.text-empty': () => $localize`:Refusal of a request@@refusal.assessment.text-empty:An assessment needs its text: say why.`,
  'assessment.not-yours': () =>
    $localize`:Refusal of a request@@refusal.assessment.not-yours:Assessments come from the Commission, and from the ministry and civil society of the benchmark's country.`,
  'assessment.source-for-civil-society-only': () =>
    $localize`:Refusal of a request@@refusal.assessment.source-for-civil-society-only:Only a shadow assessment of civil society cites the monitoring project it comes from.`,
  'assessment.source-not-found': () => $localize`:Refusal of a request@@refusal.assessment.source-not-found:The cited assistance project does not exist.`,
  'assessment.source-of-another-country': (p) =>
    $localize`:Refusal of a request@@refusal.assessment.source-of-another-country:The cited project is of ${p['country']}:country:, the benchmark of ${p['benchmarkCountry']}:benchmarkCountry:.`,
  'assessment.source-not-implemented-by-you': (p) =>
    $localize`:Refusal of a request@@refusal.assessment.source-not-implemented-by-you:A shadow assessment cites a project your organisation implements; ${p['title']}:title: is not one.`,

  // The civil-society dialogue.
  'dialogue.not-found': () => $localize`:Refusal of a request@@refusal.dialogue.not-found:The dialogue on this benchmark is not open to you.`,
  'dialogue.closed': () => $localize`:Refusal of a request@@refusal.dialogue.closed:The benchmark is accepted: its dialogue is closed.`,
  'dialogue.proposal-not-yours': () =>
    $localize`:Refusal of a request@@refusal.dialogue.proposal-not-yours:Proposals come from the civil society of the benchmark's country.`,
  'dialogue.reply-not-yours': () =>
    $localize`:Refusal of a request@@refusal.dialogue.reply-not-yours:Replies come from the benchmark's country (its civil society and ministry) and the Commission.`,
  'dialogue.parent-not-on-benchmark': () =>
    $localize`:Refusal of a request@@refusal.dialogue.parent-not-on-benchmark:The contribution replied to is not on this benchmark.`,
  'dialogue.sub-requirement-not-on-benchmark': () =>
    $localize`:Refusal of a request@@refusal.dialogue.sub-requirement-not-on-benchmark:The sub-requirement is not one of this benchmark.`,
  'dialogue.evidence-not-on-benchmark': () =>
    $localize`:Refusal of a request@@refusal.dialogue.evidence-not-on-benchmark:The evidence item is not one of this benchmark.`,
  'dialogue.answer-not-yours': () =>
    $localize`:Refusal of a request@@refusal.dialogue.answer-not-yours:The ministry of the benchmark's country answers proposals.`,
  'dialogue.answer-only-proposals': () =>
    $localize`:Refusal of a request@@refusal.dialogue.answer-only-proposals:Only proposals take an answer; reply to a comment instead.`,
  'dialogue.answer-hidden': () => $localize`:Refusal of a request@@refusal.dialogue.answer-hidden:A moderator hid this proposal; it needs no answer.`,
  'dialogue.reasoning-empty': () => $localize`:Refusal of a request@@refusal.dialogue.reasoning-empty:Every answer gives its reasons: fill them in.`,
  'dialogue.hide-only-moderator': () =>
    $localize`:Refusal of a request@@refusal.dialogue.hide-only-moderator:Only a moderator (an administrator) hides contributions.`,
  'dialogue.hidden-already': () => $localize`:Refusal of a request@@refusal.dialogue.hidden-already:It is hidden already.`,
  'proposal.not-found': () => $localize`:Refusal of a request@@refusal.proposal.not-found:The proposal was not found.`,

  // Track records and the import of a sheet (each problem is shown beside its row and column).
  'track-records.only-ministry': () =>
    $localize`:Refusal of a request@@refusal.track-records.only-ministry:Only the ministry of the benchmark's country records track records.`,
  'track-records.name-or-unit-empty': () => $localize`:Refusal of a request@@refusal.track-records.name-or-unit-empty:A series needs its name and unit.`,
  'track-records.series-name-taken': (p) =>
    $localize`:Refusal of a request@@refusal.track-records.series-name-taken:The benchmark already has a series named “${p['name']}:name:”.`,
  'track-records.series-not-found': () => $localize`:Refusal of a request@@refusal.track-records.series-not-found:The series was not found.`,
  'track-records.period-malformed': () =>
    $localize`:Refusal of a request@@refusal.track-records.period-malformed:The period must be a year such as 2019 or a quarter such as 2020-Q1.`,
  'track-records.not-a-sheet': () => $localize`:Refusal of an import@@refusal.track-records.not-a-sheet:The file could not be read as a spreadsheet.`,
  'track-records.sheet-unpacks-too-large': (p) =>
    $localize`:Refusal of an import@@refusal.track-records.sheet-unpacks-too-large:The file unpacks to more than ${p['megabytes']}:megabytes: MB; a track-record sheet is far smaller: is it the right file?`,
  'track-records.sheet-too-long': (p) =>
    $localize`:Refusal of an import@@refusal.track-records.sheet-too-long:The sheet has more than ${p['rows']}:rows: rows, blank ones included: a track-record sheet holds at most ${p['figures']}:figures: figures.`,
  'track-records.sheet-has-a-problem': () =>
    $localize`:Refusal of an import@@refusal.track-records.sheet-has-a-problem:Nothing was imported: the sheet has 1 problem.`,
  'track-records.sheet-has-problems': (p) =>
    $localize`:Refusal of an import@@refusal.track-records.sheet-has-problems:Nothing was imported: the sheet has ${p['count']}:count: problems.`,
  'track-records.column-missing': (p) =>
    $localize`:A problem of an imported sheet@@refusal.track-records.column-missing:The header row has no “${p['column']}:column:” column.`,
  'track-records.no-figures': () => $localize`:A problem of an imported sheet@@refusal.track-records.no-figures:The sheet has no figures under its header row.`,
  'track-records.too-many-figures': (p) =>
    $localize`:A problem of an imported sheet@@refusal.track-records.too-many-figures:A sheet may hold at most ${p['max']}:max: figures.`,
  'track-records.cell-missing': () => $localize`:A problem of an imported sheet@@refusal.track-records.cell-missing:The cell is empty: it must be filled in.`,
  'track-records.cell-too-long': (p) => $localize`:A problem of an imported sheet@@refusal.track-records.cell-too-long:At most ${p['max']}:max: characters.`,
  'track-records.cell-not-a-category': (p) =>
    $localize`:A problem of an imported sheet; categories are the sheet's own words@@refusal.track-records.cell-not-a-category:“${p['value']}:value:” is not a category; use one of: ${p['categories']}:categories:.`,
  'track-records.cell-not-a-period': (p) =>
    $localize`:A problem of an imported sheet@@refusal.track-records.cell-not-a-period:“${p['value']}:value:” is not a period: write a year such as 2019 or a quarter such as 2020-Q1.`,
  'track-records.cell-not-a-figure': (p) =>
    $localize`:A problem of an imported sheet@@refusal.track-records.cell-not-a-figure:“${p['value']}:value:” is not a figure: write a number of zero or more with at most two decimals, such as 65 or 1250.50.`,
  'track-records.unit-differs-in-sheet': (p) =>
    $localize`:A problem of an imported sheet@@refusal.track-records.unit-differs-in-sheet:The series “${p['series']}:series:” has the unit “${p['unit']}:unit:” in row ${p['row']}:row:.`,
  'track-records.category-differs-in-sheet': (p) =>
    $localize`:A problem of an imported sheet@@refusal.track-records.category-differs-in-sheet:The series “${p['series']}:series:” has the category “${p['category']}:category:” in row ${p['row']}:row:.`,
  'track-records.counting-rule-differs-in-sheet': (p) =>
    $localize`:A problem of an imported sheet@@refusal.track-records.counting-rule-differs-in-sheet:The series “${p['series']}:series:” has another counting rule in row ${p['row']}:row:.`,
  'track-records.period-twice': (p) =>
    $localize`:A problem of an imported sheet@@refusal.track-records.period-twice:The series “${p['series']}:series:” already has a figure for ${p['period']}:period: in row ${p['row']}:row:.`,
  'track-records.stored-unit-differs': (p) =>
    $localize`:A problem of an imported sheet@@refusal.track-records.stored-unit-differs:The series “${p['series']}:series:” is counted in “${p['unit']}:unit:”: a sheet cannot change its unit (name a new series instead).`,
  'track-records.stored-category-differs': (p) =>
    $localize`:A problem of an imported sheet@@refusal.track-records.stored-category-differs:The series “${p['series']}:series:” is in the category “${p['category']}:category:”: a sheet cannot change it (name a new series instead).`,

  // The Action Plan.
  'action-plan.only-ministry-plans': () =>
    $localize`:Refusal of a request@@refusal.action-plan.only-ministry-plans:Only the ministry of the benchmark's country plans its activities.`,
  'action-plan.only-ministry-updates': () =>
    $localize`:Refusal of a request@@refusal.action-plan.only-ministry-updates:Only the ministry of the benchmark's country updates its activities.`,
  'action-plan.measures-not-yours': () =>
    $localize`:Refusal of a request@@refusal.action-plan.measures-not-yours:Only the ministry of the benchmark's country or the Commission decides corrective measures.`,
  'action-plan.activity-not-found': () => $localize`:Refusal of a request@@refusal.action-plan.activity-not-found:The activity was not found.`,
  'action-plan.activity-code-taken': (p) =>
    $localize`:Refusal of a request@@refusal.action-plan.activity-code-taken:The benchmark already has an activity ${p['code']}:code:.`,
  'action-plan.activity-changed-meanwhile': () =>
    $localize`:Refusal of a request@@refusal.action-plan.activity-changed-meanwhile:The activity changed meanwhile: reload it and try again.`,
  'action-plan.budget-partial': () =>
    $localize`:Refusal of a request@@refusal.action-plan.budget-partial:A budget needs its amount, currency and source together.`,
  'action-plan.title-or-institution-empty': () =>
    $localize`:Refusal of a request@@refusal.action-plan.title-or-institution-empty:An activity needs its title and responsible institution.`,
  'action-plan.activity-completed': () =>
    $localize`:Refusal of a request@@refusal.action-plan.activity-completed:The activity is completed: it needs no corrective measure.`,
  'action-plan.activity-not-late': (p) =>
    $localize`:Refusal of a request@@refusal.action-plan.activity-not-late:The activity is not late: its deadline, ${day(p['deadline'])}:deadline:, has not passed.`,
  'action-plan.what-or-responsible-empty': () =>
    $localize`:Refusal of a request@@refusal.action-plan.what-or-responsible-empty:A corrective measure needs what will be done and who is responsible.`,
  'action-plan.measure-not-found': () => $localize`:Refusal of a request@@refusal.action-plan.measure-not-found:The corrective measure was not found.`,

  // Assistance projects.
  'assistance.project-not-found': () => $localize`:Refusal of a request@@refusal.assistance.project-not-found:The project was not found.`,
  'assistance.not-yours-to-write': () =>
    $localize`:Refusal of a request@@refusal.assistance.not-yours-to-write:Only the ministry of the project's country, the Commission, an administrator or a civil-society organisation implementing it may change a project.`,
  'assistance.cso-must-implement': () =>
    $localize`:Refusal of a request@@refusal.assistance.cso-must-implement:A civil-society organisation writes only the projects it implements: name your organisation as an implementer.`,
  'assistance.project-changed-meanwhile': () =>
    $localize`:Refusal of a request@@refusal.assistance.project-changed-meanwhile:The project changed meanwhile: reload it and try again.`,
  'assistance.unknown-country': (p) => $localize`:Refusal of a request@@refusal.assistance.unknown-country:There is no country ${p['country']}:country:.`,
  'assistance.country-fixed': () => $localize`:Refusal of a request@@refusal.assistance.country-fixed:A project stays in its country.`,
  'assistance.benchmark-not-found': (p) =>
    $localize`:Refusal of a request@@refusal.assistance.benchmark-not-found:There is no benchmark ${p['benchmark']}:benchmark:.`,
  'assistance.benchmark-of-another-country': (p) =>
    $localize`:Refusal of a request@@refusal.assistance.benchmark-of-another-country:${p['benchmark']}:benchmark: is not a benchmark of the project's country.`,
  'assistance.sub-requirement-not-of-benchmark': (p) =>
    $localize`:Refusal of a request@@refusal.assistance.sub-requirement-not-of-benchmark:${p['subRequirement']}:subRequirement: is not a sub-requirement of ${p['benchmark']}:benchmark:.`,
  'assistance.activity-not-of-benchmark': (p) =>
    $localize`:Refusal of a request@@refusal.assistance.activity-not-of-benchmark:The Action Plan activity is not one of ${p['benchmark']}:benchmark:.`,
  'assistance.link-twice': (p) => $localize`:Refusal of a request@@refusal.assistance.link-twice:The project supports ${p['benchmark']}:benchmark: twice.`,
  'assistance.budget-partial': () => $localize`:Refusal of a request@@refusal.assistance.budget-partial:A budget needs its amount and currency together.`,
  'assistance.ends-before-start': () => $localize`:Refusal of a request@@refusal.assistance.ends-before-start:The end comes before the start.`,
  'assistance.period-reversed': (p) =>
    $localize`:Refusal of a request@@refusal.assistance.period-reversed:The period ${p['period']}:period: ends before it starts.`,
  'assistance.iati-identifier-taken': (p) =>
    $localize`:Refusal of a request@@refusal.assistance.iati-identifier-taken:Another project has the IATI identifier ${p['identifier']}:identifier:.`,
  'assistance.organisation-not-found': () => $localize`:Refusal of a request@@refusal.assistance.organisation-not-found:The organisation was not found.`,
  'iati.nothing-to-export': (p) => $localize`:Refusal of a request@@refusal.iati.nothing-to-export:There is no project of ${p['country']}:country: to export.`,
  'iati.reporting-org-half': () => $localize`:Refusal of a request@@refusal.iati.reporting-org-half:State the reporting organisation together with its type.`,
  'iati.not-exportable': (p) =>
    $localize`:Refusal of a request@@refusal.iati.not-exportable:Nothing to export: ${p['count']}:count: problems make the projects unfit for IATI 2.03.`,
  'iati.reporting-org-unknown': () =>
    $localize`:Refusal of a request@@refusal.iati.reporting-org-unknown:No reporting organisation: state one with its type, or name a funder with its IATI identifier and type.`,
  'iati.reporting-org-differs': () =>
    $localize`:Refusal of a request@@refusal.iati.reporting-org-differs:Another organisation reports this project than the file's first project: an IATI file has one reporting organisation; state it for the file.`,
  'iati.no-activity-date': () =>
    $localize`:Refusal of a request@@refusal.iati.no-activity-date:IATI 2.03 needs a date of the activity, and the project states none.`,
  'iati.no-participating-org': () =>
    $localize`:Refusal of a request@@refusal.iati.no-participating-org:IATI 2.03 needs a funding, accountable, extending or implementing organisation, and the project names none.`,
  'iati.doctype-refused': () =>
    $localize`:Refusal of an import@@refusal.iati.doctype-refused:The file declares a DOCTYPE or an entity: an IATI file needs neither, and such files are refused.`,
  'iati.not-well-formed': (p) => $localize`:Refusal of an import@@refusal.iati.not-well-formed:The file is not well-formed XML (line ${p['line']}:line:).`,
  'iati.unreadable': () =>
    $localize`:Refusal of an import@@refusal.iati.unreadable:The file is well-formed XML but could not be read (its elements nest too deep).`,
  'iati.not-iati-activities': () => $localize`:Refusal of an import@@refusal.iati.not-iati-activities:The file is not an IATI activities file.`,
  'iati.version-not-read': (p) =>
    $localize`:Refusal of an import@@refusal.iati.version-not-read:The file is of IATI version ${p['version']}:version:; versions 2.01 to 2.03 are read.`,
  'iati.no-activity': () => $localize`:Refusal of an import@@refusal.iati.no-activity:The file holds no activity.`,
  'iati.too-many-activities': (p) =>
    $localize`:Refusal of an import@@refusal.iati.too-many-activities:The file holds more than ${p['max']}:max: activities: split it.`,
  'iati.file-has-a-problem': () => $localize`:Refusal of an import@@refusal.iati.file-has-a-problem:Nothing was imported: the file has 1 problem.`,
  'iati.file-has-problems': (p) =>
    $localize`:Refusal of an import@@refusal.iati.file-has-problems:Nothing was imported: the file has ${p['count']}:count: problems.`,
  'iati.element-missing': (p) => $localize`:Refusal of an import@@refusal.iati.element-missing:${p['element']}:element: is missing.`,
  'iati.code-not-in-codelist': (p) =>
    $localize`:Refusal of an import@@refusal.iati.code-not-in-codelist:${p['element']}:element:: “${p['value']}:value:” is not a code of ${p['codelist']}:codelist:.`,
  'iati.value-malformed': (p) =>
    $localize`:Refusal of an import@@refusal.iati.value-malformed:${p['element']}:element:: “${p['value']}:value:” is not ${p['expected']}:expected:.`,
  'iati.value-not-accepted': (p) =>
    $localize`:Refusal of an import@@refusal.iati.value-not-accepted:The value of ${p['element']}:element: is not accepted: ${p['details']}:details:.`,
  'iati.identifier-twice': (p) =>
    $localize`:Refusal of an import@@refusal.iati.identifier-twice:The activity ${p['identifier']}:identifier: appears twice in the file.`,
  'iati.one-recipient-country': (p) =>
    $localize`:Refusal of an import@@refusal.iati.one-recipient-country:A project here is of one country: the activity names ${p['count']}:count: recipient countries.`,
  'iati.budget-currencies-differ': (p) =>
    $localize`:Refusal of an import@@refusal.iati.budget-currencies-differ:The budgets are in different currencies (${p['currencies']}:currencies:); a project here has one budget in one currency.`,

  // Notifications.
  'notification.not-found': () => $localize`:Refusal of a request@@refusal.notification.not-found:The notification was not found.`,
  'notification.mail-not-failed': () =>
    $localize`:Refusal of a request@@refusal.notification.mail-not-failed:This e-mail has not failed: only a failed e-mail is retried.`,
  'notification.preference-kind-repeated': () =>
    $localize`:Refusal of a request@@refusal.notification.preference-kind-repeated:A kind of notification was given more than once: choose each kind once.`,
  'notification.unsubscribe-token-invalid': () =>
    $localize`:Refusal of a request@@refusal.notification.unsubscribe-token-invalid:This unsubscribe link is not valid: it may be incomplete or altered. Open your account to choose your e-mails.`,

  // Peer-review missions and their recommendations.
  'mission.not-found': () => $localize`:Refusal of a request@@refusal.mission.not-found:The mission was not found.`,
  'mission.changed-meanwhile': () => $localize`:Refusal of a request@@refusal.mission.changed-meanwhile:The mission changed meanwhile: reload and try again.`,
  'mission.title-empty': () => $localize`:Refusal of a request@@refusal.mission.title-empty:The mission needs a title.`,
  'mission.one-country': () => $localize`:Refusal of a request@@refusal.mission.one-country:A mission covers benchmarks of one country.`,
  'mission.benchmark-of-another-country': (p) =>
    $localize`:Refusal of a request@@refusal.mission.benchmark-of-another-country:${p['code']}:code: is a benchmark of another country: a mission covers benchmarks of one country.`,
  'mission.scope-benchmark-unknown': () => $localize`:Refusal of a request@@refusal.mission.scope-benchmark-unknown:Every benchmark of the mission must exist.`,
  'mission.scope-keeps-planning-benchmark': (p) =>
    $localize`:Refusal of a request@@refusal.mission.scope-keeps-planning-benchmark:${p['code']}:code: stays in the mission's scope: the mission was planned in its peer review.`,
  'mission.scope-keeps-worked-benchmark': (p) =>
    $localize`:Refusal of a request@@refusal.mission.scope-keeps-worked-benchmark:${p['code']}:code: stays in the mission's scope: the mission has findings or recommendations on it.`,
  'mission.benchmark-not-in-scope': (p) =>
    $localize`:Refusal of a request@@refusal.mission.benchmark-not-in-scope:${p['ref']}:ref: is not among the mission's benchmarks.`,
  'mission.expert-not-eligible': () =>
    $localize`:Refusal of a request@@refusal.mission.expert-not-eligible:Every assigned expert must be an active user with the expert role.`,
  'mission.meeting-outside-dates': (p) =>
    $localize`:Refusal of a request@@refusal.mission.meeting-outside-dates:A meeting of the agenda falls within the mission's dates (${day(p['start'])}:start: to ${day(p['end'])}:end:).`,
  'mission.meeting-would-fall-outside': (p) =>
    $localize`:Refusal of a request@@refusal.mission.meeting-would-fall-outside:The meeting with ${p['institution']}:institution: on ${day(p['date'])}:date: would fall outside the new dates: move or remove it first.`,
  'mission.meeting-not-found': () => $localize`:Refusal of a request@@refusal.mission.meeting-not-found:The meeting is not on the mission's agenda.`,
  'mission.terms-of-reference-not-found': () =>
    $localize`:Refusal of a request@@refusal.mission.terms-of-reference-not-found:The mission has no terms of reference yet.`,
  'mission.report-not-found': () => $localize`:Refusal of a request@@refusal.mission.report-not-found:The mission has no report to show.`,
  'mission.not-current': () => $localize`:Refusal of a request@@refusal.mission.not-current:This mission is not the current one of its benchmark.`,
  'mission.report-not-now': () =>
    $localize`:Refusal of a request@@refusal.mission.report-not-now:A mission report is uploaded during the peer review, before the mission reports.`,
  'mission.report-shared-not-replaced': () =>
    $localize`:Refusal of a request@@refusal.mission.report-shared-not-replaced:The report was shared with the ministry: it is no longer replaced.`,
  'mission.no-report-to-share': () => $localize`:Refusal of a request@@refusal.mission.no-report-to-share:There is no report to share yet.`,
  'mission.report-shared-already': () => $localize`:Refusal of a request@@refusal.mission.report-shared-already:The report is already shared.`,
  'recommendation.not-found': () => $localize`:Refusal of a request@@refusal.recommendation.not-found:The recommendation was not found.`,
  'recommendation.follow-up-not-yours': () =>
    $localize`:Refusal of a request@@refusal.recommendation.follow-up-not-yours:The follow-up is recorded by the Commission and the ministry.`,
  'recommendation.evidence-not-shared': () =>
    $localize`:Refusal of a request@@refusal.recommendation.evidence-not-shared:Linked evidence must be shared evidence of the recommendation's benchmark.`,
  'recommendation.measure-already': () =>
    $localize`:Refusal of a request@@refusal.recommendation.measure-already:This recommendation is already a corrective measure.`,
  'recommendation.report-not-shared': () =>
    $localize`:Refusal of a request@@refusal.recommendation.report-not-shared:Share the mission report with the ministry first: the corrective measure goes into its Action Plan.`,

  // Written consultations.
  'consultation.changed-meanwhile': () =>
    $localize`:Refusal of a request@@refusal.consultation.changed-meanwhile:The consultation changed meanwhile: reload and try again.`,
  'consultation.not-possible-now': () =>
    $localize`:Refusal of a request@@refusal.consultation.not-possible-now:This step is not possible in the consultation's current state: reload the page.`,
  'consultation.not-found': () => $localize`:Refusal of a request@@refusal.consultation.not-found:The consultation was not found.`,
  'consultation.edit-only-draft': () =>
    $localize`:Refusal of a request@@refusal.consultation.edit-only-draft:Only a draft consultation can be edited; return it to draft first.`,
  'consultation.recipient-not-partner': () =>
    $localize`:Refusal of a request@@refusal.consultation.recipient-not-partner:Every recipient must be an organisation of a partner (a ministry, a coordination body or civil society).`,
  'consultation.foreign-topics': () =>
    $localize`:Refusal of a request@@refusal.consultation.foreign-topics:Some topics or questions are not of this consultation: reload the page.`,
  'consultation.topic-twice': () => $localize`:Refusal of a request@@refusal.consultation.topic-twice:A topic or question appears twice.`,
  'consultation.reply-only-recipient': () =>
    $localize`:Refusal of a request@@refusal.consultation.reply-only-recipient:Only a member of a recipient organisation may reply.`,
  'consultation.question-not-found': () => $localize`:Refusal of a request@@refusal.consultation.question-not-found:The question is not in this consultation.`,
  'consultation.deadline-passed': () => $localize`:Refusal of a request@@refusal.consultation.deadline-passed:The deadline for replies has passed.`,
  'consultation.replies-not-accepted': () =>
    $localize`:Refusal of a request@@refusal.consultation.replies-not-accepted:Replies are not accepted in the consultation's current state.`,
  'consultation.reply-sent-already': () =>
    $localize`:Refusal of a request@@refusal.consultation.reply-sent-already:This reply was already sent and can no longer be changed.`,
  'consultation.reply-empty': () => $localize`:Refusal of a request@@refusal.consultation.reply-empty:An empty reply cannot be sent.`,
  'consultation.file-not-found': () => $localize`:Refusal of a request@@refusal.consultation.file-not-found:The file is not in this consultation.`,
  'consultation.summary-not-yet': () =>
    $localize`:Refusal of a request@@refusal.consultation.summary-not-yet:A summary is written once the consultation is closed.`,
  'consultation.summary-cites-non-recipient': () =>
    $localize`:Refusal of a request@@refusal.consultation.summary-cites-non-recipient:A summary can cite only recipients of the consultation.`,

  // Generated documents.
  'report.unknown-format': (p) =>
    $localize`:Refusal of a generated document; allowed lists the formats, such as docx, pdf@@refusal.report.unknown-format:There is no document format “${p['format']}:format:”: ask for one of ${p['allowed']}:allowed:.`,
};

/** A role by its label, or as it came for a role this app does not know. */
function role(value: string | number | undefined): string {
  return roleLabel(String(value) as Role) ?? String(value ?? '');
}

/** A calendar day (YYYY-MM-DD) as the reader's language writes it (its locale is registered before the app starts). */
function day(value: string | number | undefined): string {
  const text = String(value ?? '');
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatDate(text, 'mediumDate', document.documentElement.lang || 'en') : text;
}

/** A reason (a refusal, or why an action is not possible) in the reader's language; its English message for a code this app does not know. */
export function reasonText(reason: Pick<Reason, 'code' | 'params' | 'message'>): string {
  const wording = (REFUSAL_TEXTS as Record<string, Wording | undefined>)[reason.code];
  return wording ? wording(reason.params ?? {}) : reason.message;
}
