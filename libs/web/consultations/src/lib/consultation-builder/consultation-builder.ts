import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, FormRecord, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { ConsultationDto, ConsultationOrganisationDto } from '@bt/contracts';
import { inReadersOrder } from '@bt/web/identity';
import { type HoldsUnsavedWork, UnsavedPage } from '@bt/web/identity/dialogs';
import { forkJoin } from 'rxjs';
import { DATE_FIELD, TIME_FIELD } from '@bt/web/ui/dates';
import { DialogSave } from '@bt/web/ui/refusals';
import { isoToLocal, localToIso } from '../consultation-labels';
import { ConsultationsApi } from '../consultations-api';

/** A question as the builder edits it; `id` marks one already saved, so that saving keeps it (and the drafts replying to it). */
function questionGroup(question: { id?: string; text: string } = { text: '' }) {
  return new FormGroup({
    id: new FormControl<string | null>(question.id ?? null),
    text: new FormControl(question.text, { nonNullable: true }),
  });
}

/** A topic with its questions in order; `id` as for a question. */
function topicGroup(topic: { id?: string; title: string; questions: { id?: string; text: string }[] } = { title: '', questions: [{ text: '' }] }) {
  return new FormGroup({
    id: new FormControl<string | null>(topic.id ?? null),
    title: new FormControl(topic.title, { nonNullable: true }),
    questions: new FormArray(topic.questions.map(questionGroup)),
  });
}

type TopicGroup = ReturnType<typeof topicGroup>;

/**
 * `/consultations/:id/edit`: the Commission's consultation builder — texts and deadline, topics each
 * with its questions in order, and the recipient organisations of the six partners. Saved whole;
 * leaving it with unsaved changes asks first.
 */
@Component({
  selector: 'bt-consultation-builder',
  imports: [
    DATE_FIELD,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatProgressBar,
    ReactiveFormsModule,
    RouterLink,
    TIME_FIELD,
  ],
  templateUrl: './consultation-builder.html',
  styleUrl: '../consultations.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsultationBuilder implements OnInit, HoldsUnsavedWork {
  readonly id = input.required<string>();

  private readonly api = inject(ConsultationsApi);
  private readonly router = inject(Router);
  protected readonly loaded = signal<ConsultationDto | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly options = signal<ConsultationOrganisationDto[]>([]);
  protected readonly countries = computed(() => [...new Set(this.options().map((o) => o.countryCode))]);
  protected readonly save = new DialogSave();
  protected readonly notice = signal<string | null>(null);

  protected readonly form = new FormGroup({
    title: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(500)] }),
    reference: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(100)] }),
    deadlineDay: new FormControl('', { nonNullable: true }),
    deadlineTime: new FormControl('', { nonNullable: true }),
    introduction: new FormControl('', { nonNullable: true }),
    topics: new FormArray<TopicGroup>([]),
    /** Whether each organisation (by id) is a recipient. */
    recipients: new FormRecord<FormControl<boolean>>({}),
  });
  /** Leaving with changes not saved asks first (askBeforeLeaving); so do a reload and a closed tab. */
  readonly unsaved = new UnsavedPage(this.form);

  hasUnsavedWork(): boolean {
    return this.unsaved.hasUnsavedWork();
  }

  ngOnInit(): void {
    forkJoin([this.api.get(this.id()), this.api.recipientOptions()]).subscribe({
      next: ([c, options]) => {
        this.options.set(options);
        this.fill(c);
      },
      error: () => this.loadFailed.set(true),
    });
  }

  protected get topics(): FormArray<TopicGroup> {
    return this.form.controls.topics;
  }

  /** The form shows the consultation as saved. */
  private fill(c: ConsultationDto): void {
    this.loaded.set(c);
    const deadline = isoToLocal(c.deadline);
    this.form.setControl(
      'topics',
      new FormArray(c.topics.map((t) => topicGroup({ id: t.id, title: t.title, questions: t.questions.map((q) => ({ id: q.id, text: q.text })) }))),
    );
    const chosen = new Set(c.recipients.map((r) => r.id));
    // Every organisation that may receive it, and any recipient no longer among them (kept as it is).
    const recipients = new FormRecord<FormControl<boolean>>({});
    for (const id of new Set([...this.options().map((o) => o.id), ...chosen]))
      recipients.addControl(id, new FormControl(chosen.has(id), { nonNullable: true }));
    this.form.setControl('recipients', recipients);
    this.form.patchValue({ title: c.title, reference: c.reference, introduction: c.introduction, deadlineDay: deadline.day, deadlineTime: deadline.time });
    this.form.markAsPristine();
    // Only a draft may change: an open or later consultation is shown as it is, nothing to type and lose.
    if (c.state === 'draft') this.form.enable({ emitEvent: false });
    else this.form.disable({ emitEvent: false });
  }

  protected optionsOf(country: string): ConsultationOrganisationDto[] {
    return inReadersOrder(
      this.options().filter((o) => o.countryCode === country),
      (o) => o.name,
    );
  }

  protected addTopic(): void {
    this.topics.push(topicGroup());
    this.form.markAsDirty();
  }

  protected removeTopic(index: number): void {
    this.topics.removeAt(index);
    this.form.markAsDirty();
  }

  protected addQuestion(topic: TopicGroup): void {
    topic.controls.questions.push(questionGroup());
    this.form.markAsDirty();
  }

  protected removeQuestion(topic: TopicGroup, index: number): void {
    topic.controls.questions.removeAt(index);
    this.form.markAsDirty();
  }

  protected submit(andReturn: boolean): void {
    const c = this.loaded();
    if (!c) return;
    this.notice.set(null);
    const { title, reference, introduction, deadlineDay, deadlineTime, topics, recipients } = this.form.getRawValue();
    if (!deadlineDay !== !deadlineTime) {
      this.save.problem.set($localize`:@@consultationBuilder.deadlineIncomplete:Give the deadline both a date and a time.`);
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.save.problem.set($localize`:@@consultationBuilder.invalid:Check the marked fields first.`);
      return;
    }
    this.save.run(
      this.api.save(c.id, {
        version: c.version,
        title,
        reference,
        introduction,
        deadline: localToIso({ day: deadlineDay, time: deadlineTime }),
        topics: topics.map((t) => ({
          ...(t.id ? { id: t.id } : {}),
          title: t.title,
          questions: t.questions.filter((q) => q.text.trim()).map((q) => ({ ...(q.id ? { id: q.id } : {}), text: q.text })),
        })),
        recipientIds: Object.entries(recipients)
          .filter(([, chosen]) => chosen)
          .map(([id]) => id),
      }),
      (saved) => {
        this.fill(saved);
        this.notice.set($localize`:@@consultationBuilder.saved:Draft saved.`);
        if (andReturn) void this.router.navigate(['/consultations', saved.id]);
      },
      $localize`:@@consultationBuilder.saveFailed:The draft could not be saved.`,
    );
  }
}
