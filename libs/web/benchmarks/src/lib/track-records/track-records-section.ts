import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { BenchmarkDetailDto, TrackRecordImportResultDto, TrackRecordSeriesDto } from '@bt/contracts';
import { BarChart } from '@bt/web/charts';
import { AuthSession } from '@bt/web/identity';
import { BehaviorSubject, combineLatest, filter, map } from 'rxjs';
import { loadEach, LOADING } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { mayRecordTrackRecords } from '../benchmark-participation';
import { ImportTrackRecordsDialog, type ImportTrackRecordsDialogData } from './import-track-records-dialog';
import {
  NewTrackRecordSeriesDialog,
  type NewTrackRecordSeriesDialogData,
  TrackRecordFigureDialog,
  type TrackRecordFigureDialogData,
} from './track-record-dialogs';
import { CATEGORY_LABELS, seriesChart, yearOnYear } from './track-record-chart';
import { TrackRecordsApi } from './track-records-api';

/** The benchmark's track records: one bar chart per series (periods side by side), their sources, import and export. */
@Component({
  selector: 'bt-track-records-section',
  imports: [BarChart, DecimalPipe, MatButton, MatIcon, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './track-records-section.html',
  styleUrls: ['../section.scss', './track-records-section.scss'],
})
export class TrackRecordsSection {
  readonly benchmark = input.required<BenchmarkDetailDto>();

  private readonly api = inject(TrackRecordsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly me = inject(AuthSession).me;
  private readonly reloads = new BehaviorSubject<void>(undefined);

  protected readonly trackRecords = toSignal(
    combineLatest([toObservable(this.benchmark), this.reloads]).pipe(
      map(([benchmark]) => benchmark.code),
      loadEach((code: string) => this.api.list(code)),
    ),
    { initialValue: LOADING },
  );
  protected readonly series = computed(() =>
    (this.trackRecords().value ?? []).map((s: TrackRecordSeriesDto) => ({
      ...s,
      chart: seriesChart(s),
      change: yearOnYear(s),
      categoryLabel: CATEGORY_LABELS[s.category] ?? s.category,
    })),
  );
  protected readonly mayImport = computed(() => mayRecordTrackRecords(this.me(), this.benchmark()));
  protected readonly exportUrl = computed(() => this.api.exportUrl(this.benchmark().code));
  protected readonly templateUrl = computed(() => this.api.templateUrl(this.benchmark().code));
  protected readonly errorDetail = computed(() => {
    const error = this.trackRecords().error;
    return error ? apiErrorMessage(error) : null;
  });

  protected openNewSeries(): void {
    this.dialog
      .open<NewTrackRecordSeriesDialog, NewTrackRecordSeriesDialogData, TrackRecordSeriesDto>(NewTrackRecordSeriesDialog, {
        data: { code: this.benchmark().code },
      })
      .afterClosed()
      .pipe(filter((series): series is TrackRecordSeriesDto => !!series))
      .subscribe((series) => {
        this.snackBar.open($localize`:@@trackRecords.newSeries.added:Series “${series.name}:name:” added. Record its figures next.`, undefined, {
          duration: 5000,
        });
        this.reloads.next();
      });
  }

  /** The series' name in the button's accessible name tells the buttons of the list apart. */
  protected figureButtonLabel(series: TrackRecordSeriesDto): string {
    return $localize`:@@trackRecords.figure.openFor:Record a figure: ${series.name}:series:`;
  }

  protected openFigure(series: TrackRecordSeriesDto): void {
    this.dialog
      .open<TrackRecordFigureDialog, TrackRecordFigureDialogData, TrackRecordSeriesDto>(TrackRecordFigureDialog, { data: { series } })
      .afterClosed()
      .pipe(filter((saved): saved is TrackRecordSeriesDto => !!saved))
      .subscribe(() => {
        this.snackBar.open($localize`:@@trackRecords.figure.saved:Figure saved.`, undefined, { duration: 5000 });
        this.reloads.next();
      });
  }

  protected openImport(): void {
    this.dialog
      .open<ImportTrackRecordsDialog, ImportTrackRecordsDialogData, TrackRecordImportResultDto>(ImportTrackRecordsDialog, {
        data: { code: this.benchmark().code, templateUrl: this.templateUrl() },
        width: '720px',
      })
      .afterClosed()
      .pipe(filter((result): result is TrackRecordImportResultDto => !!result))
      .subscribe((result) => {
        this.snackBar.open(
          $localize`:After a track-record import@@trackRecords.imported:Imported ${result.rows}:rows: rows: ${result.valuesCreated}:created: new figures, ${result.valuesUpdated}:updated: updated.`,
          undefined,
          { duration: 5000 },
        );
        this.reloads.next();
      });
  }
}
