import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ConsultationDto } from '@bt/contracts';
import { AuthSession, DocumentDownload } from '@bt/web/identity';
import type { AvailableConsultationEvent } from '@bt/workflow';
import { combineLatest } from 'rxjs';
import { MatDialog } from '@angular/material/dialog';
import { DisplayDatePipe, loadEach } from '@bt/web/ui';
import { DATE_FIELD, TIME_FIELD } from '@bt/web/ui/dates';
import { confirmed, type ConfirmDialogData } from '@bt/web/ui/dialogs';
import { MarkdownText } from '@bt/web/ui/markdown';
import { DialogSave, reasonText } from '@bt/web/ui/refusals';
import { consultationEventLabel, consultationStateLabel, localToIso } from '../consultation-labels';
import { ConsultationsApi } from '../consultations-api';

/**
 * `/consultations/:id`: a consultation as the visitor may see it — the questions by topic, the
 * summary per question and the replies (once published, for anyone). The Commission runs it from
 * here; a recipient finds the way to its reply form.
 */
/** The events that cannot be taken back, and what the Commission is told before it confirms one. */
const IRREVERSIBLE: Partial<Record<AvailableConsultationEvent['type'], () => Omit<ConfirmDialogData, 'confirm'>>> = {
  OPEN: () => ({
    title: $localize`:@@consultation.confirmOpen.title:Open the consultation for replies?`,
    message: $localize`:@@consultation.confirmOpen.message:Every recipient is told at once and may reply until the deadline. Its questions and recipients can no longer be changed.`,
  }),
  PUBLISH: () => ({
    title: $localize`:@@consultation.confirmPublish.title:Publish the consultation?`,
    message: $localize`:@@consultation.confirmPublish.message:Its summaries and every sent reply become public, for anyone to read. Publishing cannot be undone.`,
  }),
};

@Component({
  selector: 'bt-consultation-page',
  imports: [
    DATE_FIELD,
    DisplayDatePipe,
    DocumentDownload,
    MarkdownText,
    MatButton,
    MatFormField,
    MatInput,
    MatLabel,
    MatProgressBar,
    ReactiveFormsModule,
    RouterLink,
    TIME_FIELD,
  ],
  templateUrl: './consultation-page.html',
  styleUrl: '../consultations.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsultationPage {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(ConsultationsApi);
  private readonly session = inject(AuthSession);
  private readonly reloads = signal(0);
  protected readonly consultation = toSignal(combineLatest([toObservable(this.id), toObservable(this.reloads)]).pipe(loadEach(([id]) => this.api.get(id))));
  protected readonly isCommission = computed(() => this.session.hasRole('commission'));
  protected readonly stateLabel = consultationStateLabel;
  protected readonly eventLabel = consultationEventLabel;
  protected readonly reasonText = reasonText;
  /** The new deadline a reopening needs, as its date and time fields hold it. */
  protected readonly newDeadline = new FormGroup({ day: new FormControl('', { nonNullable: true }), time: new FormControl('', { nonNullable: true }) });
  protected readonly action = new DialogSave();
  private readonly dialogs = inject(MatDialog);
  protected readonly notice = signal<string | null>(null);

  protected citedNames(cited: { name: string }[]): string {
    return cited.map((o) => o.name).join(', ');
  }

  protected fileUrl(fileId: string): string {
    return this.api.fileUrl(this.id(), fileId);
  }

  protected fire(c: ConsultationDto, event: AvailableConsultationEvent): void {
    const deadline = event.payload.includes('deadline') ? localToIso(this.newDeadline.getRawValue()) : undefined;
    if (event.payload.includes('deadline') && !deadline) {
      this.action.problem.set($localize`:@@consultation.reopen.deadlineRequired:Choose the new deadline first.`);
      return;
    }
    // Opening and publishing cannot be taken back: they ask first, naming what follows.
    const consequence = IRREVERSIBLE[event.type]?.();
    if (consequence) {
      confirmed(this.dialogs, { ...consequence, confirm: consultationEventLabel(event.type) }).subscribe(() => this.run(c, event, deadline));
      return;
    }
    this.run(c, event, deadline);
  }

  private run(c: ConsultationDto, event: AvailableConsultationEvent, deadline: string | undefined): void {
    this.action.run(
      this.api.fire(c.id, event.type, c.version, deadline),
      () => {
        this.notice.set($localize`:@@consultation.event.done:Done: ${consultationEventLabel(event.type)}:event:.`);
        this.reloads.update((n) => n + 1);
      },
      $localize`:@@consultation.event.failed:That did not work. Reload the page and try again.`,
    );
  }
}
