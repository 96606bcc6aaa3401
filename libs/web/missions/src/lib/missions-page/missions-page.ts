import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { ExpertDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { askBeforeUnload, type HoldsUnsavedWork } from '@bt/web/identity/dialogs';
import { BehaviorSubject } from 'rxjs';
import { DisplayDatePipe, loadEach, LOADING } from '@bt/web/ui';
import { DialogSave } from '@bt/web/ui/refusals';
import { monthWeeks } from '../mission-calendar';
import { MissionFields, missionPlanForm, missionScope } from '../mission-fields';
import { MissionsPagesApi } from '../missions-api';

/** `/missions`: the peer-review missions the user may see, as a list or a month calendar; the Commission plans new ones here. */
@Component({
  selector: 'bt-missions-page',
  imports: [DisplayDatePipe, ReactiveFormsModule, MatButton, MatButtonToggle, MatButtonToggleGroup, MatProgressBar, MissionFields, RouterLink],
  templateUrl: './missions-page.html',
  styleUrl: '../missions.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MissionsPage implements OnInit, HoldsUnsavedWork {
  private readonly api = inject(MissionsPagesApi);
  private readonly router = inject(Router);
  private readonly session = inject(AuthSession);
  private readonly reloads = new BehaviorSubject<void>(undefined);

  protected readonly list = toSignal(this.reloads.pipe(loadEach(() => this.api.list())), { initialValue: LOADING });
  protected readonly view = signal<'list' | 'calendar'>('list');
  protected readonly month = signal(((d) => ({ year: d.getFullYear(), month: d.getMonth() }))(new Date()));
  protected readonly weeks = computed(() => monthWeeks(this.month().year, this.month().month, this.list().value ?? []));
  protected readonly monthName = computed(() =>
    new Date(this.month().year, this.month().month, 1).toLocaleDateString(undefined, { month: 'long', year: 'numeric' }),
  );
  protected readonly weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => new Date(2024, 0, d).toLocaleDateString(undefined, { weekday: 'short' }));
  protected readonly mayPlan = computed(() => this.session.hasRole('commission'));
  protected readonly experts = signal<ExpertDto[]>([]);
  protected readonly plan = missionPlanForm();
  protected readonly save = new DialogSave();

  constructor() {
    askBeforeUnload(() => this.hasUnsavedWork());
  }

  /** A mission half planned (the route asks before leaving). */
  hasUnsavedWork(): boolean {
    return this.plan.dirty;
  }

  ngOnInit(): void {
    if (this.mayPlan()) this.api.experts().subscribe((experts) => this.experts.set(experts));
  }

  protected shiftMonth(by: number): void {
    this.month.update(({ year, month }) => {
      const d = new Date(year, month + by, 1);
      return { year: d.getFullYear(), month: d.getMonth() };
    });
  }

  protected create(): void {
    if (this.plan.invalid) {
      this.plan.markAllAsTouched();
      return;
    }
    const { title, startDate, endDate, expertIds } = this.plan.getRawValue();
    this.save.run(
      this.api.create({ title, benchmarks: missionScope(this.plan, false), startDate, endDate, expertIds }),
      (mission) => {
        // Planned: nothing is left unsaved on the way to the mission.
        this.plan.markAsPristine();
        void this.router.navigate(['/missions', mission.id]);
      },
      $localize`:@@missions.plan.failed:The mission could not be planned.`,
    );
  }
}
