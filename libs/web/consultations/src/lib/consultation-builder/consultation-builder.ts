import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { ConsultationDto, ConsultationOrganisationDto } from '@bt/contracts';
import { DialogSave, inReadersOrder } from '@bt/web/identity';
import { DATE_FIELD, TIME_FIELD } from '@bt/web/identity/dates';
import { forkJoin } from 'rxjs';
import { isoToLocal, type LocalDeadline, localToIso } from '../consultation-labels';
import { ConsultationsApi } from '../consultations-api';

/** A topic as the builder edits it; `id` marks one already saved, so that saving keeps it (and the drafts replying to its questions). */
interface TopicModel {
  id?: string;
  title: string;
  questions: { id?: string; text: string }[];
}

/**
 * `/consultations/:id/edit`: the Commission's consultation builder — texts and deadline, topics each
 * with its questions in order, and the recipient organisations of the six partners. Saved whole.
 */
@Component({
  selector: 'bt-consultation-builder',
  imports: [DATE_FIELD, FormsModule, MatButton, MatCheckbox, MatFormField, MatIcon, MatInput, MatLabel, MatProgressBar, RouterLink, TIME_FIELD],
  templateUrl: './consultation-builder.html',
  styleUrl: '../consultations.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsultationBuilder implements OnInit {
  readonly id = input.required<string>();

  private readonly api = inject(ConsultationsApi);
  private readonly router = inject(Router);
  protected readonly loaded = signal<ConsultationDto | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly options = signal<ConsultationOrganisationDto[]>([]);
  protected readonly countries = computed(() => [...new Set(this.options().map((o) => o.countryCode))]);
  protected readonly save = new DialogSave();
  protected readonly notice = signal<string | null>(null);

  protected title = '';
  protected reference = '';
  protected introduction = '';
  protected deadline: LocalDeadline = { day: '', time: '' };
  protected readonly topics = signal<TopicModel[]>([]);
  protected readonly recipients = signal<ReadonlySet<string>>(new Set());

  ngOnInit(): void {
    forkJoin([this.api.get(this.id()), this.api.recipientOptions()]).subscribe({
      next: ([c, options]) => {
        this.options.set(options);
        this.fill(c);
      },
      error: () => this.loadFailed.set(true),
    });
  }

  private fill(c: ConsultationDto): void {
    this.loaded.set(c);
    this.title = c.title;
    this.reference = c.reference;
    this.introduction = c.introduction;
    this.deadline = isoToLocal(c.deadline);
    this.topics.set(c.topics.map((t) => ({ id: t.id, title: t.title, questions: t.questions.map((q) => ({ id: q.id, text: q.text })) })));
    this.recipients.set(new Set(c.recipients.map((r) => r.id)));
  }

  protected optionsOf(country: string): ConsultationOrganisationDto[] {
    return inReadersOrder(
      this.options().filter((o) => o.countryCode === country),
      (o) => o.name,
    );
  }

  protected addTopic(): void {
    this.topics.update((topics) => [...topics, { title: '', questions: [{ text: '' }] }]);
  }

  protected removeTopic(index: number): void {
    this.topics.update((topics) => topics.filter((_, i) => i !== index));
  }

  protected addQuestion(topic: TopicModel): void {
    topic.questions.push({ text: '' });
    this.topics.update((topics) => [...topics]);
  }

  protected removeQuestion(topic: TopicModel, index: number): void {
    topic.questions.splice(index, 1);
    this.topics.update((topics) => [...topics]);
  }

  protected toggleRecipient(id: string, checked: boolean): void {
    this.recipients.update((set) => {
      const next = new Set(set);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected submit(andReturn: boolean): void {
    const c = this.loaded();
    if (!c) return;
    this.notice.set(null);
    if (!this.deadline.day !== !this.deadline.time) {
      this.save.problem.set($localize`:@@consultationBuilder.deadlineIncomplete:Give the deadline both a date and a time.`);
      return;
    }
    this.save.run(
      this.api.save(c.id, {
        version: c.version,
        title: this.title,
        reference: this.reference,
        introduction: this.introduction,
        deadline: localToIso(this.deadline),
        topics: this.topics().map((t) => ({ ...t, questions: t.questions.filter((q) => q.text.trim()) })),
        recipientIds: [...this.recipients()],
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
