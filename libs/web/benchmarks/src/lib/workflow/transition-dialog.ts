import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, FormControl, FormGroup, type ValidationErrors, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatOption, MatSelect } from '@angular/material/select';
import type { ExpertDto, TransitionRequest, TransitionResultDto } from '@bt/contracts';
import type { AvailableEvent, PreparationGrade, ProgressGrade } from '@bt/workflow';
import { catchError, map, of } from 'rxjs';
import { DATE_FIELD } from '@bt/web/ui/dates';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { AssessmentGradeFields } from '../assessment-grade-fields';
import { MissionsApi } from '../mission/missions-api';
import { notBlank } from '../not-blank';
import { WorkflowApi } from './workflow-api';
import { workflowEventPresentation } from './workflow-events';

export interface TransitionDialogData {
  /** The benchmark as the user saw it: its code and the version the event is fired against. */
  readonly benchmark: { readonly code: string; readonly version: number };
  readonly event: AvailableEvent;
}

/** How the dialog ended: the event happened, or the benchmark had changed meanwhile (409). */
export type TransitionOutcome = { readonly kind: 'done'; readonly result: TransitionResultDto } | { readonly kind: 'conflict' };

/** The longest comment, justification or assessment text the API takes. */
const TEXT_MAX_LENGTH = 10_000;

/** A mission cannot end before it starts (the API says the same with a 422). */
function missionDates(group: AbstractControl): ValidationErrors | null {
  const { startDate, endDate } = (group as FormGroup).getRawValue() as { startDate: string; endDate: string };
  return startDate && endDate && endDate < startDate ? { endsBeforeStart: true } : null;
}

const text = () => new FormControl('', { nonNullable: true, validators: [notBlank, Validators.maxLength(TEXT_MAX_LENGTH)] });

/**
 * Fires one workflow event, after collecting what the event carries (its `payload`: a comment, a
 * justification, the mission's dates and experts, an assessment), or after a plain confirmation
 * when it carries nothing. A refusal (403, 422) is explained here; a benchmark that changed
 * meanwhile (409) closes the dialog, for the page to reload.
 */
@Component({
  selector: 'bt-transition-dialog',
  imports: [FORM_DIALOG, MatSelect, MatOption, AssessmentGradeFields, DATE_FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './transition-dialog.html',
  styleUrl: '../benchmark-dialog.scss',
})
export class TransitionDialog {
  protected readonly data = inject<TransitionDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(WorkflowApi);
  private readonly dialog = inject<MatDialogRef<TransitionDialog, TransitionOutcome>>(MatDialogRef);

  protected readonly presentation = workflowEventPresentation(this.data.event.type);
  protected readonly asks = {
    comment: this.data.event.payload.includes('comment'),
    justification: this.data.event.payload.includes('justification'),
    mission: this.data.event.payload.includes('mission'),
    assessment: this.data.event.payload.includes('assessment'),
  };
  protected readonly textMaxLength = TEXT_MAX_LENGTH;

  protected readonly comment = text();
  protected readonly justification = text();
  protected readonly mission = new FormGroup(
    {
      startDate: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      endDate: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      expertIds: new FormControl<string[]>([], { nonNullable: true, validators: [Validators.required] }),
    },
    { validators: [missionDates] },
  );
  protected readonly assessment = new FormGroup({
    preparation: new FormControl<PreparationGrade | null>(null, { validators: [Validators.required] }),
    progress: new FormControl<ProgressGrade | null>(null, { validators: [Validators.required] }),
    text: text(),
  });
  /** Only what this event carries is part of the form (and of its validity). */
  protected readonly form = new FormGroup({
    ...(this.asks.comment ? { comment: this.comment } : {}),
    ...(this.asks.justification ? { justification: this.justification } : {}),
    ...(this.asks.mission ? { mission: this.mission } : {}),
    ...(this.asks.assessment ? { assessment: this.assessment } : {}),
  });

  /** The experts to choose from, asked for only when the event plans a mission. */
  protected readonly experts = toSignal(
    this.asks.mission
      ? inject(MissionsApi)
          .experts()
          .pipe(
            map((experts) => ({ loaded: true, experts, failed: false })),
            catchError(() => of({ loaded: true, experts: [] as ExpertDto[], failed: true })),
          )
      : of({ loaded: true, experts: [] as ExpertDto[], failed: false }),
    { initialValue: { loaded: false, experts: [] as ExpertDto[], failed: false } },
  );

  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);
  /** What the dialog's frame shows: the progress while saving and the refusal. */
  protected readonly submission = { saving: this.saving, problem: this.problem };

  protected expertLabel(expert: ExpertDto): string {
    return expert.memberState
      ? $localize`:An expert to choose, with their organisation and Member State@@workflow.mission.expertOption:${expert.displayName}:name: — ${expert.organisation}:organisation: (${expert.memberState}:memberState:)`
      : $localize`:An expert to choose, with their organisation@@workflow.mission.expertOptionNoState:${expert.displayName}:name: — ${expert.organisation}:organisation:`;
  }

  protected save(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { benchmark, event } = this.data;
    this.saving.set(true);
    this.problem.set(null);
    this.api.transition(benchmark.code, { event: event.type, version: benchmark.version, ...this.payload() }).subscribe({
      next: (result) => this.dialog.close({ kind: 'done', result }),
      error: (error: unknown) => {
        this.saving.set(false);
        if (error instanceof HttpErrorResponse && error.status === 409) {
          this.dialog.close({ kind: 'conflict' });
          return;
        }
        // 403 (not this user's event) and 422 (a condition unmet) name the reason.
        this.problem.set(
          (error instanceof HttpErrorResponse && apiErrorMessage(error)) || $localize`:@@workflow.transition.failed:That did not work. Please try again.`,
        );
      },
    });
  }

  private payload(): Omit<TransitionRequest, 'event' | 'version'> {
    const payload: Omit<TransitionRequest, 'event' | 'version'> = {};
    if (this.asks.comment) payload.comment = this.comment.value.trim();
    if (this.asks.justification) payload.justification = this.justification.value.trim();
    if (this.asks.mission) payload.mission = this.mission.getRawValue();
    if (this.asks.assessment) {
      const { preparation, progress, text } = this.assessment.getRawValue();
      // The form is valid, so both grades are chosen.
      payload.assessment = { preparation: preparation as PreparationGrade, progress: progress as ProgressGrade, text: text.trim() };
    }
    return payload;
  }
}
