import { HttpErrorResponse } from '@angular/common/http';
import { DecimalPipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { ActionActivityDto, ActivityStatus } from '@bt/contracts';
import { BarChart, type ChartSeries } from '@bt/web/charts';
import { AuthSession } from '@bt/web/identity';
import { BehaviorSubject, combineLatest, filter, map } from 'rxjs';
import { DisplayDatePipe, loadEach, LOADING } from '@bt/web/ui';
import { controlValue, filterValues, PlaceFilters, placeAreas } from '@bt/web/ui/filters';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { type ActionPlanFilters, ActionPlanApi } from '../action-plan-api';
import { ACTIVITY_STATUSES, mayDecideMeasures, mayPlanActivities, mayUpdateActivity, STATUS_LABELS } from '../action-plan-labels';
import { AddActivityDialog, type AddActivityDialogData } from '../add-activity-dialog';
import { CorrectiveMeasureDialog } from '../corrective-measure-dialog';
import { ProgressNoteDialog } from '../progress-note-dialog';

/**
 * The national Action Plan: what each country promised under each benchmark, by whom and by when;
 * late activities stand out and get corrective measures. The counts at the top are for the
 * dashboard: total, by status, overdue, and per area as a chart.
 */
@Component({
  selector: 'bt-action-plan-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    BarChart,
    DecimalPipe,
    NgTemplateOutlet,
    DisplayDatePipe,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatIcon,
    MatInput,
    MatProgressBar,
    PlaceFilters,
    MatSelect,
    MatOption,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './action-plan-page.html',
  styleUrl: './action-plan-page.scss',
})
export class ActionPlanPage {
  private readonly api = inject(ActionPlanApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly me = inject(AuthSession).me;
  private readonly reloads = new BehaviorSubject<void>(undefined);

  protected readonly statuses = ACTIVITY_STATUSES;
  protected readonly statusLabels = STATUS_LABELS;

  protected readonly filters = new FormGroup({
    country: new FormControl(this.me()?.organisation.country ?? 'RS', { nonNullable: true }),
    area: new FormControl('', { nonNullable: true }),
    // A link may name the benchmark (`?benchmark=RS-24-POL-07`), as an inbox reminder of an activity does.
    benchmark: new FormControl(inject(ActivatedRoute).snapshot.queryParamMap.get('benchmark') ?? '', { nonNullable: true }),
    status: new FormControl<ActivityStatus | ''>('', { nonNullable: true }),
    institution: new FormControl('', { nonNullable: true }),
    overdueOnly: new FormControl(false, { nonNullable: true }),
  });
  private readonly filterValues = filterValues<ActionPlanFilters>(this.filters);
  protected readonly exportUrl = toSignal(this.filterValues.pipe(map((filters) => this.api.exportUrl(filters))), { requireSync: true });
  private readonly country = controlValue(this.filters.controls.country);
  protected readonly benchmarkExample = $localize`:Example of a benchmark code@@actionPlan.filter.benchmark.example:RS-24-POL-07`;

  protected readonly activities = toSignal(
    combineLatest([this.filterValues, this.reloads]).pipe(
      map(([filters]) => filters),
      loadEach((filters: ActionPlanFilters) => this.api.activities(filters)),
    ),
    { initialValue: LOADING },
  );
  protected readonly recommendationMeasures = toSignal(
    combineLatest([this.filterValues, this.reloads]).pipe(
      map(([filters]) => filters),
      loadEach((filters: ActionPlanFilters) => this.api.recommendationMeasures(filters)),
    ),
    { initialValue: LOADING },
  );
  protected readonly summary = toSignal(
    combineLatest([toObservable(this.country), this.reloads]).pipe(loadEach(([country]: [string, void]) => this.api.summary(country))),
    { initialValue: LOADING },
  );
  protected readonly areas = placeAreas(this.country, (country) => this.api.areas(country));

  protected readonly items = computed(() => this.activities().value ?? []);
  protected readonly errorDetail = computed(() => {
    const error = this.activities().error;
    return error ? apiErrorMessage(error) : null;
  });
  /** Per area: all activities, the completed ones and the late ones, side by side. */
  protected readonly chart = computed(() => {
    const summary = this.summary().value;
    if (!summary?.areas.length) return null;
    const series: ChartSeries[] = [
      {
        name: $localize`:Chart series, all Action Plan activities of an area@@actionPlan.chart.total:All activities`,
        values: summary.areas.map((a) => a.total),
        meaning: 'total',
      },
      {
        name: $localize`:Chart series, completed activities@@actionPlan.chart.completed:Completed`,
        values: summary.areas.map((a) => a.completed),
        meaning: 'positive',
      },
      {
        name: $localize`:Chart series, overdue activities@@actionPlan.chart.overdue:Overdue`,
        values: summary.areas.map((a) => a.overdue),
        meaning: 'negative',
      },
    ];
    return { categories: summary.areas.map((a) => a.code), series };
  });
  protected readonly chartCaption = $localize`:Caption of the Action Plan chart@@actionPlan.chart.caption:Activities per area: all, completed and overdue`;
  protected readonly chartUnit = $localize`:Unit of the Action Plan chart@@actionPlan.chart.unit:activities`;

  protected readonly mayPlan = computed(() => mayPlanActivities(this.me()));

  protected mayUpdate(activity: ActionActivityDto): boolean {
    return mayUpdateActivity(this.me(), activity);
  }

  protected mayAddMeasure(activity: ActionActivityDto): boolean {
    return activity.overdue && mayDecideMeasures(this.me(), activity);
  }

  protected mayCloseMeasure(on: Pick<ActionActivityDto, 'country'>): boolean {
    return mayDecideMeasures(this.me(), on);
  }

  protected clearFilters(): void {
    this.filters.reset({ country: this.filters.controls.country.value, area: '', benchmark: '', status: '', institution: '', overdueOnly: false });
  }

  protected setStatus(activity: ActionActivityDto, status: ActivityStatus): void {
    this.api.setStatus(activity, status).subscribe({
      next: () => {
        this.snackBar.open($localize`:@@actionPlan.status.saved:Activity ${activity.code}:code: is now ${STATUS_LABELS[status]}:status:.`, undefined, {
          duration: 4000,
        });
        this.reloads.next();
      },
      error: (error: unknown) => this.refused(error, $localize`:@@actionPlan.status.failed:The status could not be changed.`),
    });
  }

  protected closeMeasure(measureId: string): void {
    this.api.setMeasureStatus(measureId, 'done').subscribe({
      next: () => this.reloads.next(),
      error: (error: unknown) => this.refused(error, $localize`:@@actionPlan.measure.closeFailed:The corrective measure could not be marked done.`),
    });
  }

  protected addNote(activity: ActionActivityDto): void {
    this.dialog
      .open(ProgressNoteDialog, { data: activity })
      .afterClosed()
      .pipe(filter((note) => !!note))
      .subscribe(() => this.reloads.next());
  }

  protected addMeasure(activity: ActionActivityDto): void {
    this.dialog
      .open(CorrectiveMeasureDialog, { data: activity })
      .afterClosed()
      .pipe(filter((measure) => !!measure))
      .subscribe(() => {
        this.snackBar.open($localize`:@@actionPlan.measure.added:Corrective measure added.`, undefined, { duration: 4000 });
        this.reloads.next();
      });
  }

  /** The new activity is in the ministry's own country: the list turns to that country so that it shows. */
  protected addActivity(): void {
    const country = this.me()?.organisation.country;
    if (!country) return;
    this.dialog
      .open<AddActivityDialog, AddActivityDialogData, ActionActivityDto>(AddActivityDialog, { data: { country } })
      .afterClosed()
      .pipe(filter((activity): activity is ActionActivityDto => !!activity))
      .subscribe((activity) => {
        this.snackBar.open($localize`:@@actionPlan.add.added:Activity ${activity.code}:code: added.`, undefined, { duration: 4000 });
        if (this.filters.controls.country.value !== activity.country) this.filters.controls.country.setValue(activity.country);
        this.reloads.next();
      });
  }

  /** 409: someone changed the activity meanwhile; the list reloads so the next try starts from what is there. */
  private refused(error: unknown, fallback: string): void {
    const message = (error instanceof HttpErrorResponse && apiErrorMessage(error)) || fallback;
    this.snackBar.open(message, undefined, { duration: 6000 });
    if (error instanceof HttpErrorResponse && error.status === 409) this.reloads.next();
  }
}
