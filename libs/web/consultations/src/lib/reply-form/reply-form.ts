import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, signal } from '@angular/core';
import { FormControl, FormRecord, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ConsultationDto, ConsultationReplyDto } from '@bt/contracts';
import { type HoldsUnsavedWork, UnsavedPage } from '@bt/web/identity/dialogs';
import { concat, last, type Observable } from 'rxjs';
import { DisplayDatePipe, FileDrop, UploadLimit } from '@bt/web/ui';
import { confirmed } from '@bt/web/ui/dialogs';
import { MarkdownText } from '@bt/web/ui/markdown';
import { apiErrorMessage, DialogSave } from '@bt/web/ui/refusals';
import { ConsultationsApi } from '../consultations-api';

/** What the page knows of a question's reply besides its text (which is in the form). */
interface ReplyState {
  reply: ConsultationReplyDto | null;
  /** Upload progress of an attachment, 0–100, or null when none runs. */
  upload: number | null;
  uploadProblem: string | null;
}

/**
 * `/consultations/:id/reply`: a recipient organisation's replies, one per question, in Markdown with
 * attachments; saved as drafts (only the organisation sees them) until sent — sending is final.
 * What is typed and not yet saved is kept in this browser and comes back after a reload; leaving
 * the page with it asks first.
 */
@Component({
  selector: 'bt-reply-form',
  imports: [DisplayDatePipe, FileDrop, MarkdownText, MatButton, MatFormField, MatHint, MatInput, MatLabel, MatProgressBar, ReactiveFormsModule, RouterLink],
  templateUrl: './reply-form.html',
  styleUrl: '../consultations.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReplyForm implements OnInit, HoldsUnsavedWork {
  readonly id = input.required<string>();

  private readonly api = inject(ConsultationsApi);
  private readonly dialogs = inject(MatDialog);
  protected readonly consultation = signal<ConsultationDto | null>(null);
  protected readonly loadFailed = signal<string | null>(null);
  protected readonly states = signal<Record<string, ReplyState>>({});
  protected readonly save = new DialogSave();
  protected readonly notice = signal<string | null>(null);
  protected readonly limit = inject(UploadLimit).label;

  /** The answer to each question, by question id; a sent one is disabled (final). */
  protected readonly answers = new FormRecord<FormControl<string>>({});
  /** Unsaved answers are kept in this browser as they are typed; leaving with them asks first. */
  readonly unsaved = new UnsavedPage(this.answers);
  protected readonly restoredAt = computed(() => this.unsaved.restoredFrom()?.toISOString() ?? null);
  private drafting = false;

  hasUnsavedWork(): boolean {
    return this.unsaved.hasUnsavedWork();
  }

  ngOnInit(): void {
    this.load();
  }

  /** `keepTyped`: answers not yet sent keep what was typed here (an attachment or a refusal reloads the rest, not the text). */
  private load(keepTyped = false): void {
    this.api.get(this.id()).subscribe({
      next: (c) => {
        const states: Record<string, ReplyState> = {};
        for (const q of c.topics.flatMap((t) => t.questions)) {
          const reply = q.replies[0] ?? null;
          const sent = reply?.status === 'sent';
          states[q.id] = { reply, upload: null, uploadProblem: null };
          let control = this.answers.controls[q.id];
          if (!control) {
            control = new FormControl(reply?.text ?? '', { nonNullable: true });
            this.answers.addControl(q.id, control, { emitEvent: false });
          } else if (!keepTyped || sent) {
            control.setValue(reply?.text ?? '', { emitEvent: false });
            control.markAsPristine();
          }
          if (sent || !c.acceptingReplies) control.disable({ emitEvent: false });
          else control.enable({ emitEvent: false });
        }
        this.states.set(states);
        this.consultation.set(c);
        if (!this.drafting) {
          // The first time: a draft kept in this browser comes back over the saved replies.
          this.drafting = true;
          this.unsaved.keepDraft(`reply.${c.id}`);
        } else if (!keepTyped) {
          this.unsaved.saved();
        } else {
          this.answers.updateValueAndValidity(); // the draft follows: sent answers leave it
        }
      },
      error: (error: unknown) =>
        this.loadFailed.set(
          (error instanceof HttpErrorResponse && apiErrorMessage(error)) || $localize`:@@replyForm.loadFailed:The consultation could not be loaded.`,
        ),
    });
  }

  protected state(questionId: string): ReplyState {
    return this.states()[questionId];
  }

  protected discardDraft(): void {
    this.unsaved.discardDraft();
  }

  /** Saves (send = false) or sends every unsent answer that has text, one after the other. */
  protected submit(send: boolean): void {
    const pending = Object.entries(this.answers.controls)
      .filter(([, control]) => control.enabled && control.value.trim())
      .map(([questionId, control]) => ({ questionId, text: control.value }));
    if (pending.length === 0) {
      this.save.problem.set($localize`:@@replyForm.nothing:Write at least one reply first.`);
      return;
    }
    if (!send) return this.store(pending, false);
    // A sent reply goes to the Commission as it is: asked first, saying how many go.
    const count = pending.length;
    confirmed(this.dialogs, {
      title: $localize`:@@replyForm.confirm.title:Send your replies?`,
      // $localize has no ICU plural: one reply has its own sentence, and the Serbian of the other keeps the count apart.
      message:
        count === 1
          ? $localize`:@@replyForm.confirm.messageOne:Your reply goes to the Commission as it is now; once sent, it can no longer be changed.`
          : $localize`:@@replyForm.confirm.message:${count}:count: replies go to the Commission as they are now; a sent reply can no longer be changed.`,
      confirm: $localize`:@@replyForm.confirm.send:Send replies`,
    }).subscribe(() => this.store(pending, true));
  }

  private store(pending: { questionId: string; text: string }[], send: boolean): void {
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

  /** Attaches the document chosen (dropped or picked) to the reply at once, with its progress. */
  protected attach(questionId: string, file: File): void {
    const update = (changes: Partial<ReplyState>) => this.states.update((all) => ({ ...all, [questionId]: { ...all[questionId], ...changes } }));
    update({ upload: 0, uploadProblem: null });
    this.api.attach(this.id(), questionId, file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) update({ upload: event.total ? Math.round((100 * event.loaded) / event.total) : 0 });
        if (event.type === HttpEventType.Response) {
          update({ upload: 100 });
          this.load(true);
        }
      },
      error: (error: unknown) =>
        update({
          upload: null,
          uploadProblem:
            (error instanceof HttpErrorResponse && apiErrorMessage(error)) || $localize`:@@replyForm.attach.failed:The document could not be attached.`,
        }),
    });
  }

  protected fileUrl(fileId: string): string {
    return this.api.fileUrl(this.id(), fileId);
  }
}
