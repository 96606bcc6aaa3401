import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { AssessmentDto, AssessmentVoice, BenchmarkDetailDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { filter } from 'rxjs';
import { DisplayDatePipe, loadEach, LOADING } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { assessmentVoice } from '../benchmark-participation';
import { AssessmentsApi } from './assessments-api';
import { GradeBadge } from './grade-badge';
import { RECORD_TITLES, RecordAssessmentDialog, type RecordAssessmentDialogData } from './record-assessment-dialog';
import { voiceLabel } from './voice-labels';

/** One column of a period: a voice (for CSOs, one per organisation), its current assessment and its earlier ones. */
interface VoiceColumn {
  readonly voice: AssessmentVoice;
  readonly heading: string;
  readonly current: AssessmentDto | null;
  readonly earlier: readonly AssessmentDto[];
}

/**
 * The three voices on the benchmark side by side, per reporting period: the Commission's assessment,
 * the ministry's self-assessment and each CSO's shadow assessment, each with its history. Whoever
 * has a voice records a new assessment (never edits one). The public sees the published ones.
 */
@Component({
  selector: 'bt-assessments-panel',
  imports: [DisplayDatePipe, GradeBadge, MatButton, MatIcon, MatProgressBar, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessments-panel.html',
  styleUrls: ['../section.scss', './assessments-panel.scss'],
})
export class AssessmentsPanel {
  readonly benchmark = input.required<BenchmarkDetailDto>();
  readonly changed = output<void>();

  private readonly api = inject(AssessmentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly me = inject(AuthSession).me;

  protected readonly assessments = toSignal(toObservable(this.benchmark).pipe(loadEach((benchmark: BenchmarkDetailDto) => this.api.list(benchmark.code))), {
    initialValue: LOADING,
  });
  protected readonly voice = computed(() => assessmentVoice(this.me(), this.benchmark()));
  protected readonly recordLabel = computed(() => {
    const voice = this.voice();
    return voice ? RECORD_TITLES[voice] : null;
  });
  protected readonly periods = computed(() => {
    const value = this.assessments().value;
    if (!value) return [];
    return value.periods.map(({ period, commission, ministry, civilSociety }) => {
      const ofPeriod = value.history.filter((a) => a.period === period);
      const column = (voice: AssessmentVoice, current: AssessmentDto | null, heading: string): VoiceColumn => ({
        voice,
        heading,
        current,
        earlier: ofPeriod.filter((a) => a.voice === voice && a.id !== current?.id && (!current || a.organisationId === current.organisationId)),
      });
      const columns: VoiceColumn[] = [column('commission', commission, voiceLabel('commission')), column('ministry', ministry, voiceLabel('ministry'))];
      if (civilSociety.length === 0) columns.push(column('civil_society', null, voiceLabel('civil_society')));
      for (const shadow of civilSociety) columns.push(column('civil_society', shadow, `${voiceLabel('civil_society')}: ${shadow.organisation}`));
      return { period, columns };
    });
  });
  protected readonly errorDetail = computed(() => {
    const error = this.assessments().error;
    return error ? apiErrorMessage(error) : null;
  });

  protected record(): void {
    const voice = this.voice();
    if (!voice) return;
    const period = this.assessments().value?.periods[0]?.period ?? String(new Date().getFullYear());
    this.dialog
      .open<RecordAssessmentDialog, RecordAssessmentDialogData, AssessmentDto>(RecordAssessmentDialog, {
        data: { code: this.benchmark().code, country: this.benchmark().country, voice, period },
      })
      .afterClosed()
      .pipe(filter((saved): saved is AssessmentDto => !!saved))
      .subscribe(() => {
        this.snackBar.open($localize`:@@assessments.recorded:Assessment recorded.`, undefined, { duration: 5000 });
        this.changed.emit();
      });
  }
}
