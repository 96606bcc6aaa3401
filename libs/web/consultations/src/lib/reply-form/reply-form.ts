import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ConsultationDto, ConsultationReplyDto } from '@bt/contracts';
import { DisplayDatePipe, UploadLimit } from '@bt/web/benchmarks';
import { MarkdownText } from '@bt/web/benchmarks/markdown';
import { apiErrorMessage, DialogSave } from '@bt/web/identity';
import { concat, filter, last, type Observable } from 'rxjs';
import { MatDialog } from '@angular/material/dialog';
import { ConfirmDialog, type ConfirmDialogData } from '@bt/web/identity/dialogs';
import { ConsultationsApi } from '../consultations-api';

interface Answer {
  questionId: string;
  text: string;
  reply: ConsultationReplyDto | null;
  /** Upload progress of an attachment, 0–100, or null when none runs. */
  upload: number | null;
  uploadProblem: string | null;
}

/**
 * `/consultations/:id/reply`: a recipient organisation's replies, one per question, in Markdown with
 * attachments; saved as drafts (only the organisation sees them) until sent — sending is final.
 */
@Component({
  selector: 'bt-reply-form',
  imports: [DisplayDatePipe, FormsModule, MarkdownText, MatButton, MatFormField, MatHint, MatInput, MatLabel, MatProgressBar, RouterLink],
  templateUrl: './reply-form.html',
  styleUrl: '../consultations.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReplyForm implements OnInit {
  readonly id = input.required<string>();

  private readonly api = inject(ConsultationsApi);
  private readonly dialogs = inject(MatDialog);
  protected readonly consultation = signal<ConsultationDto | null>(null);
  protected readonly loadFailed = signal<string | null>(null);
  protected readonly answers = signal<Record<string, Answer>>({});
  protected readonly save = new DialogSave();
  protected readonly notice = signal<string | null>(null);
  protected readonly limit = inject(UploadLimit).label;

  ngOnInit(): void {
    this.load();
  }

  /** `keepTyped`: answers not yet sent keep what was typed here (an attachment or a refusal reloads the rest, not the text). */
  private load(keepTyped = false): void {
    this.api.get(this.id()).subscribe({
      next: (c) => {
        this.consultation.set(c);
        const typed = this.answers();
        const answers: Record<string, Answer> = {};
        for (const q of c.topics.flatMap((t) => t.questions)) {
          const reply = q.replies[0] ?? null;
          const text = keepTyped && typed[q.id] && reply?.status !== 'sent' ? typed[q.id].text : (reply?.text ?? '');
          answers[q.id] = { questionId: q.id, text, reply, upload: null, uploadProblem: null };
        }
        this.answers.set(answers);
      },
      error: (error: unknown) => this.loadFailed.set((error instanceof HttpErrorResponse && apiErrorMessage(error)) || $localize`:@@replyForm.loadFailed:The consultation could not be loaded.`),
    });
  }

  protected answer(questionId: string): Answer {
    return this.answers()[questionId];
  }

  /** Saves (send = false) or sends every unsent answer that has text, one after the other. */
  protected submit(send: boolean): void {
    const pending = Object.values(this.answers()).filter((a) => a.reply?.status !== 'sent' && a.text.trim());
    if (pending.length === 0) {
      this.save.problem.set($localize`:@@replyForm.nothing:Write at least one reply first.`);
      return;
    }
    if (!send) return this.store(pending, false);
    // A sent reply goes to the Commission as it is: asked first.
    const count = pending.length;
    this.dialogs
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: $localize`:@@replyForm.confirm.title:Send your replies?`,
          message: $localize`:@@replyForm.confirm.message:${count}:count: replies go to the Commission as they are now; a sent reply can no longer be changed.`,
          confirm: $localize`:@@replyForm.confirm.send:Send replies`,
        },
      })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => this.store(pending, true));
  }

  private store(pending: Answer[], send: boolean): void {
    const calls: Observable<ConsultationReplyDto>[] = pending.map((a) => this.api.reply(this.id(), a.questionId, a.text, send));
    this.notice.set(null);
    this.save.run(
      concat(...calls).pipe(last()),
      () => {
        this.notice.set(send ? $localize`:@@replyForm.sent:Your replies were sent.` : $localize`:@@replyForm.saved:Your drafts were saved.`);
        this.load();
      },
      $localize`:@@replyForm.failed:The replies could not be saved.`,
      // Some replies may have gone before the refusal (they are sent one by one): show which, keep the rest as typed.
      () => (this.load(true), false),
    );
  }

  protected attach(questionId: string, input: HTMLInputElement): void {
    const file = input.files?.[0];
    const answer = this.answer(questionId);
    if (!file) {
      answer.uploadProblem = $localize`:@@replyForm.attach.noFile:Choose a document first.`;
      this.answers.update((a) => ({ ...a }));
      return;
    }
    const update = (changes: Partial<Answer>) => this.answers.update((all) => ({ ...all, [questionId]: { ...all[questionId], ...changes } }));
    update({ upload: 0, uploadProblem: null });
    this.api.attach(this.id(), questionId, file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) update({ upload: event.total ? Math.round((100 * event.loaded) / event.total) : 0 });
        if (event.type === HttpEventType.Response) {
          input.value = '';
          update({ upload: 100 });
          this.load(true);
        }
      },
      error: (error: unknown) => update({ upload: null, uploadProblem: (error instanceof HttpErrorResponse && apiErrorMessage(error)) || $localize`:@@replyForm.attach.failed:The document could not be attached.` }),
    });
  }

  protected fileUrl(fileId: string): string {
    return this.api.fileUrl(this.id(), fileId);
  }
}
