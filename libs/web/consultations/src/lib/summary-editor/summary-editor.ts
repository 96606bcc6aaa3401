import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ConsultationDto, ConsultationOrganisationDto, ConsultationQuestionDto, StoredFileDto } from '@bt/contracts';
import { MarkdownText } from '@bt/web/benchmarks/markdown';
import { DialogSave } from '@bt/web/identity';
import { ConsultationsApi } from '../consultations-api';

interface SummaryModel {
  text: string;
  cited: Set<string>;
  save: DialogSave;
  saved: boolean;
}

/**
 * `/consultations/:id/summaries`: the Commission's summary editor — for each question, every
 * recipient's reply side by side (or that it did not reply), the summary, and whom it draws on.
 */
@Component({
  selector: 'bt-summary-editor',
  imports: [FormsModule, MarkdownText, MatButton, MatCheckbox, MatFormField, MatInput, MatLabel, MatProgressBar, RouterLink],
  templateUrl: './summary-editor.html',
  styleUrl: '../consultations.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SummaryEditor implements OnInit {
  readonly id = input.required<string>();

  private readonly api = inject(ConsultationsApi);
  protected readonly consultation = signal<ConsultationDto | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly summaries = signal<Record<string, SummaryModel>>({});

  ngOnInit(): void {
    this.api.get(this.id()).subscribe({
      next: (c) => {
        this.consultation.set(c);
        const summaries: Record<string, SummaryModel> = {};
        for (const q of c.topics.flatMap((t) => t.questions)) {
          summaries[q.id] = { text: q.summary?.text ?? '', cited: new Set(q.summary?.cited.map((o) => o.id) ?? []), save: new DialogSave(), saved: !!q.summary };
        }
        this.summaries.set(summaries);
      },
      error: () => this.loadFailed.set(true),
    });
  }

  protected summary(questionId: string): SummaryModel {
    return this.summaries()[questionId];
  }

  /** Each recipient with its reply to the question, or null when it sent none. */
  protected repliesBy(c: ConsultationDto, q: ConsultationQuestionDto): { organisation: ConsultationOrganisationDto; text: string | null; files: StoredFileDto[] }[] {
    return c.recipients.map((organisation) => {
      const reply = q.replies.find((r) => r.organisation.id === organisation.id);
      return { organisation, text: reply?.text ?? null, files: reply?.files ?? [] };
    });
  }

  protected fileUrl(fileId: string): string {
    return this.api.fileUrl(this.id(), fileId);
  }

  protected toggle(questionId: string, organisationId: string, checked: boolean): void {
    const model = this.summary(questionId);
    if (checked) model.cited.add(organisationId);
    else model.cited.delete(organisationId);
  }

  protected store(questionId: string): void {
    const model = this.summary(questionId);
    if (!model.text.trim()) {
      model.save.problem.set($localize`:@@summaryEditor.textRequired:Write the summary first.`);
      return;
    }
    model.save.run(
      this.api.summarise(this.id(), questionId, model.text, [...model.cited]),
      () => this.summaries.update((all) => ({ ...all, [questionId]: { ...model, saved: true } })),
      $localize`:@@summaryEditor.failed:The summary could not be saved.`,
    );
  }
}
