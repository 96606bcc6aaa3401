import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, FormRecord, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ConsultationDto, ConsultationOrganisationDto, ConsultationQuestionDto, StoredFileDto } from '@bt/contracts';
import { type HoldsUnsavedWork, UnsavedPage } from '@bt/web/identity/dialogs';
import { DisplayDatePipe } from '@bt/web/ui';
import { MarkdownText } from '@bt/web/ui/markdown';
import { DialogSave } from '@bt/web/ui/refusals';
import { ConsultationsApi } from '../consultations-api';

/** A question's summary as the editor holds it: the text, and whether each recipient (by id) is drawn on. */
function summaryGroup(text: string, recipients: readonly { id: string }[], cited: ReadonlySet<string>) {
  const drawsOn = new FormRecord<FormControl<boolean>>({});
  for (const o of recipients) drawsOn.addControl(o.id, new FormControl(cited.has(o.id), { nonNullable: true }));
  return new FormGroup({ text: new FormControl(text, { nonNullable: true }), cited: drawsOn });
}

type SummaryGroup = ReturnType<typeof summaryGroup>;

/**
 * `/consultations/:id/summaries`: the Commission's summary editor — for each question, every
 * recipient's reply side by side (or that it did not reply), the summary, and whom it draws on.
 * Each summary is saved on its own; what is typed and not yet saved is kept in this browser and
 * comes back after a reload, and leaving the page with it asks first.
 */
@Component({
  selector: 'bt-summary-editor',
  imports: [DisplayDatePipe, MarkdownText, MatButton, MatCheckbox, MatFormField, MatInput, MatLabel, MatProgressBar, ReactiveFormsModule, RouterLink],
  templateUrl: './summary-editor.html',
  styleUrl: '../consultations.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SummaryEditor implements OnInit, HoldsUnsavedWork {
  readonly id = input.required<string>();

  private readonly api = inject(ConsultationsApi);
  protected readonly consultation = signal<ConsultationDto | null>(null);
  protected readonly loadFailed = signal(false);
  /** The summary of each question, by question id. */
  protected readonly summaries = new FormRecord<SummaryGroup>({});
  /** Each question's save, and whether its summary is saved. */
  protected readonly saves = signal<Record<string, DialogSave>>({});
  protected readonly saved = signal<ReadonlySet<string>>(new Set());
  /** Unsaved summaries are kept in this browser as they are typed; leaving with them asks first. */
  readonly unsaved = new UnsavedPage(this.summaries);
  protected readonly restoredAt = computed(() => this.unsaved.restoredFrom()?.toISOString() ?? null);

  hasUnsavedWork(): boolean {
    return this.unsaved.hasUnsavedWork();
  }

  ngOnInit(): void {
    this.api.get(this.id()).subscribe({
      next: (c) => {
        const saves: Record<string, DialogSave> = {};
        const saved = new Set<string>();
        for (const q of c.topics.flatMap((t) => t.questions)) {
          this.summaries.addControl(q.id, summaryGroup(q.summary?.text ?? '', c.recipients, new Set(q.summary?.cited.map((o) => o.id) ?? [])), {
            emitEvent: false,
          });
          saves[q.id] = new DialogSave();
          if (q.summary) saved.add(q.id);
        }
        this.saves.set(saves);
        this.saved.set(saved);
        this.consultation.set(c);
        // A draft kept in this browser comes back over the saved summaries.
        this.unsaved.keepDraft(`summaries.${c.id}`);
      },
      error: () => this.loadFailed.set(true),
    });
  }

  protected summary(questionId: string): SummaryGroup {
    return this.summaries.controls[questionId];
  }

  /** Each recipient with its reply to the question, or null when it sent none. */
  protected repliesBy(
    c: ConsultationDto,
    q: ConsultationQuestionDto,
  ): { organisation: ConsultationOrganisationDto; text: string | null; files: StoredFileDto[] }[] {
    return c.recipients.map((organisation) => {
      const reply = q.replies.find((r) => r.organisation.id === organisation.id);
      return { organisation, text: reply?.text ?? null, files: reply?.files ?? [] };
    });
  }

  protected fileUrl(fileId: string): string {
    return this.api.fileUrl(this.id(), fileId);
  }

  protected discardDraft(): void {
    this.unsaved.discardDraft();
  }

  protected store(questionId: string): void {
    const group = this.summary(questionId);
    const save = this.saves()[questionId];
    const { text, cited } = group.getRawValue();
    if (!text.trim()) {
      save.problem.set($localize`:@@summaryEditor.textRequired:Write the summary first.`);
      return;
    }
    const citedIds = Object.entries(cited)
      .filter(([, drawn]) => drawn)
      .map(([id]) => id);
    save.run(
      this.api.summarise(this.id(), questionId, text, citedIds),
      () => {
        this.unsaved.saved(group);
        this.saved.update((ids) => new Set([...ids, questionId]));
      },
      $localize`:@@summaryEditor.failed:The summary could not be saved.`,
    );
  }
}
