import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { BenchmarkListItemDto, ExpertDto } from '@bt/contracts';
import { inReadersOrder } from '@bt/web/identity';
import { DATE_FIELD } from '@bt/web/identity/dates';

/** What planning a mission and correcting it ask for. */
export interface MissionPlanModel {
  title: string;
  startDate: string;
  endDate: string;
  expertIds: Set<string>;
  /** The scope as typed when planning: codes of one country, separated by commas or spaces. */
  codes: string;
  /** The scope as chosen when correcting: codes of the mission's country. */
  benchmarks: string[];
}

export const emptyMissionPlan = (): MissionPlanModel => ({ title: '', startDate: '', endDate: '', expertIds: new Set(), codes: '', benchmarks: [] });

/** The scope a model names: the chosen benchmarks, or the typed codes. */
export function missionScope(model: MissionPlanModel, chosen: boolean): string[] {
  return chosen ? model.benchmarks : model.codes.split(/[\s,;]+/).filter(Boolean);
}

/**
 * The fields of a peer-review mission — title, scope, dates, experts — for planning one (the scope
 * typed as codes: the country follows from them) and for correcting one (the scope chosen among the
 * benchmarks of its country, given as `benchmarks`).
 */
@Component({
  selector: 'bt-mission-fields',
  imports: [DATE_FIELD, FormsModule, MatCheckbox, MatFormField, MatHint, MatInput, MatLabel, MatOption, MatSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="full">
      <mat-label i18n="@@missions.plan.title">Title</mat-label>
      <input matInput name="title" [(ngModel)]="model().title" maxlength="300" required />
    </mat-form-field>
    @if (benchmarks(); as choices) {
      <mat-form-field class="full">
        <mat-label i18n="Field of the mission form: the benchmarks the mission reviews@@missions.plan.scope">Benchmarks in scope</mat-label>
        <mat-select name="benchmarks" [(ngModel)]="model().benchmarks" multiple required>
          @for (b of choices; track b.id) {
            <mat-option [value]="b.code">{{ b.code }} · {{ b.area.title }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    } @else {
      <mat-form-field class="full">
        <mat-label i18n="@@missions.plan.benchmarks">Benchmarks (codes of one country)</mat-label>
        <input matInput name="benchmarks" [(ngModel)]="model().codes" />
        <mat-hint i18n="@@missions.plan.benchmarksHint">For example RS-24-MIG-01, RS-24-MIG-02</mat-hint>
      </mat-form-field>
    }
    <div class="row">
      <mat-form-field>
        <mat-label i18n="@@missions.plan.start">Start date</mat-label>
        <input matInput [matDatepicker]="startPicker" btCalendarDay name="startDate" [(ngModel)]="model().startDate" required />
        <mat-datepicker-toggle matIconSuffix [for]="startPicker" />
        <mat-datepicker #startPicker />
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n="@@missions.plan.end">End date</mat-label>
        <input matInput [matDatepicker]="endPicker" btCalendarDay name="endDate" [(ngModel)]="model().endDate" [min]="model().startDate || null" required />
        <mat-datepicker-toggle matIconSuffix [for]="endPicker" />
        <mat-datepicker #endPicker [startAt]="model().startDate || null" />
      </mat-form-field>
    </div>
    <fieldset>
      <legend i18n="@@missions.plan.experts">Experts</legend>
      @for (e of expertsInOrder(); track e.id) {
        <mat-checkbox [checked]="model().expertIds.has(e.id)" (change)="toggleExpert(e.id, $event.checked)"
          >{{ e.displayName }} ({{ e.organisation }}@if (e.memberState) {, {{ e.memberState }}})</mat-checkbox
        >
      } @empty {
        <span class="muted" i18n="Shown in the mission form when no user holds the expert role@@missions.plan.noExperts">No expert to assign yet.</span>
      }
    </fieldset>
  `,
  styles: `
    :host { display: block; }
    .full { width: 100%; }
    .row { display: flex; flex-wrap: wrap; gap: 0 1rem; }
    fieldset { border: 1px solid var(--mat-sys-outline-variant); border-radius: var(--mat-sys-corner-small); margin: 0 0 1rem; display: flex; flex-direction: column; }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class MissionFields {
  readonly model = input.required<MissionPlanModel>();
  readonly experts = input.required<readonly ExpertDto[]>();
  protected readonly expertsInOrder = computed(() => inReadersOrder(this.experts(), (e) => e.displayName));
  /** The benchmarks the scope is chosen from (a correction); none: the scope is typed as codes (planning). */
  readonly benchmarks = input<readonly BenchmarkListItemDto[] | null>(null);

  protected toggleExpert(id: string, checked: boolean): void {
    if (checked) this.model().expertIds.add(id);
    else this.model().expertIds.delete(id);
  }
}
