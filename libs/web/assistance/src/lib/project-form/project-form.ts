import { FormArray, FormControl, FormGroup, type ValidatorFn, Validators } from '@angular/forms';
import type { AssistanceInstrument, AssistanceStatus, CreateProjectRequest, MeDto, ParticipantRole, ProjectDto } from '@bt/contracts';
import { isPartialDate } from '@bt/contracts/values';

/* The project form's shape and its conversion to and from the API's request: lists of texts are one line each. */

/** The API's rule: a year, a month or a day of the calendar (2018, 2018-09, 2018-09-14). */
export const partialDate: ValidatorFn = (control) =>
  !String(control.value ?? '').trim() || isPartialDate(String(control.value).trim()) ? null : { partialDate: true };
export const notBlank: ValidatorFn = (control) => (String(control.value ?? '').trim() ? null : { required: true });
const amount: ValidatorFn = (control) =>
  control.value === null || control.value === '' || /^\d+(\.\d{1,2})?$/.test(String(control.value)) ? null : { decimals: true };

export function participantGroup(value: { name?: string; role?: ParticipantRole; organisationId?: string | null } = {}) {
  return new FormGroup({
    name: new FormControl(value.name ?? '', { nonNullable: true, validators: [notBlank, Validators.maxLength(300)] }),
    role: new FormControl<ParticipantRole>(value.role ?? 'implementing', { nonNullable: true }),
    organisationId: new FormControl<string | null>(value.organisationId ?? null),
  });
}

export function supportGroup(value: { benchmark?: string; subRequirement?: string | null; activityId?: string | null; how?: string } = {}) {
  return new FormGroup({
    /** An Action Plan activity the link names (kept as it is: this form links benchmarks and sub-requirements). */
    activityId: new FormControl<string | null>(value.activityId ?? null),
    benchmark: new FormControl(value.benchmark ?? '', { nonNullable: true, validators: [Validators.required] }),
    subRequirement: new FormControl(value.subRequirement ?? '', { nonNullable: true }),
    how: new FormControl(value.how ?? '', { nonNullable: true, validators: [notBlank, Validators.maxLength(2000)] }),
  });
}

export function projectForm() {
  return new FormGroup({
    country: new FormControl('RS', { nonNullable: true }),
    title: new FormControl('', { nonNullable: true, validators: [notBlank, Validators.maxLength(500)] }),
    description: new FormControl('', { nonNullable: true }),
    instrument: new FormControl<AssistanceInstrument>('technical_assistance', { nonNullable: true }),
    status: new FormControl<AssistanceStatus | ''>('', { nonNullable: true }),
    iatiIdentifier: new FormControl('', { nonNullable: true, validators: [Validators.pattern(/^\s*([A-Za-z0-9][A-Za-z0-9._:/-]{2,149})?\s*$/)] }),
    plannedStart: new FormControl('', { nonNullable: true, validators: [partialDate] }),
    plannedEnd: new FormControl('', { nonNullable: true, validators: [partialDate] }),
    actualStart: new FormControl('', { nonNullable: true, validators: [partialDate] }),
    actualEnd: new FormControl('', { nonNullable: true, validators: [partialDate] }),
    budgetAmount: new FormControl<number | null>(null, { validators: [Validators.min(0), amount] }),
    budgetCurrency: new FormControl('', { nonNullable: true, validators: [Validators.pattern(/^\s*([A-Za-z]{3})?\s*$/)] }),
    objectives: new FormControl('', { nonNullable: true }),
    components: new FormControl('', { nonNullable: true }),
    expectedResults: new FormControl('', { nonNullable: true }),
    achievedResults: new FormControl('', { nonNullable: true }),
    links: new FormControl('', { nonNullable: true, validators: [(c) => (lines(c.value).every((l) => /^https?:\/\/\S+$/.test(l)) ? null : { url: true })] }),
    participants: new FormArray<ReturnType<typeof participantGroup>>([]),
    supports: new FormArray<ReturnType<typeof supportGroup>>([]),
  });
}
export type ProjectForm = ReturnType<typeof projectForm>;

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** A new project's form: the writer's country, and a CSO named as an implementer (it writes only projects it implements). */
export function startForm(form: ProjectForm, me: MeDto | null): void {
  if (me?.organisation.country) form.controls.country.setValue(me.organisation.country);
  if (me?.roles.some((r) => r.role === 'civil_society')) {
    form.controls.participants.push(participantGroup({ name: me.organisation.name, role: 'implementing', organisationId: me.organisation.id }));
  } else {
    form.controls.participants.push(participantGroup({ role: 'funding' }));
  }
  form.controls.supports.push(supportGroup());
}

export function fillForm(form: ProjectForm, project: ProjectDto): void {
  form.controls.participants.clear();
  form.controls.supports.clear();
  for (const p of project.participants) form.controls.participants.push(participantGroup(p));
  for (const s of project.supports)
    form.controls.supports.push(
      supportGroup({ benchmark: s.benchmark.code, subRequirement: s.subRequirement?.code ?? '', activityId: s.activity?.id ?? null, how: s.how }),
    );
  form.patchValue({
    country: project.country,
    title: project.title,
    description: project.description,
    instrument: project.instrument,
    status: project.status ?? '',
    iatiIdentifier: project.iatiIdentifier ?? '',
    plannedStart: project.plannedStart ?? '',
    plannedEnd: project.plannedEnd ?? '',
    actualStart: project.actualStart ?? '',
    actualEnd: project.actualEnd ?? '',
    budgetAmount: project.budget?.amount ?? null,
    budgetCurrency: project.budget?.currency ?? '',
    objectives: project.objectives.join('\n'),
    components: project.components.join('\n'),
    expectedResults: project.expectedResults.join('\n'),
    achievedResults: project.achievedResults.join('\n'),
    links: project.links.map((l) => l.url).join('\n'),
  });
}

/** The request the form stands for; an empty optional field is left out (not stated). */
export function requestOf(form: ProjectForm): CreateProjectRequest {
  const v = form.getRawValue();
  const optional = (text: string) => text.trim() || undefined;
  return {
    country: v.country,
    title: v.title.trim(),
    description: v.description.trim(),
    instrument: v.instrument,
    status: v.status === '' ? undefined : v.status,
    iatiIdentifier: optional(v.iatiIdentifier),
    plannedStart: optional(v.plannedStart),
    plannedEnd: optional(v.plannedEnd),
    actualStart: optional(v.actualStart),
    actualEnd: optional(v.actualEnd),
    budgetAmount: v.budgetAmount === null || (v.budgetAmount as unknown) === '' ? undefined : Number(v.budgetAmount),
    budgetCurrency: optional(v.budgetCurrency)?.toUpperCase(),
    objectives: lines(v.objectives),
    components: lines(v.components),
    expectedResults: lines(v.expectedResults),
    achievedResults: lines(v.achievedResults),
    participants: v.participants.map((p) => ({ name: p.name.trim(), role: p.role, ...(p.organisationId ? { organisationId: p.organisationId } : {}) })),
    supports: v.supports.map((s) => ({
      benchmark: s.benchmark,
      ...(s.subRequirement ? { subRequirement: s.subRequirement } : {}),
      ...(s.activityId ? { activityId: s.activityId } : {}),
      how: s.how.trim(),
    })),
    links: lines(v.links).map((url) => ({ url })),
  };
}
