import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { BenchmarkListItemDto, ExpertDto } from '@bt/contracts';
import { inReadersOrder } from '@bt/web/identity';
import { DATE_FIELD } from '@bt/web/ui/dates';

/** What planning a mission and correcting it ask for. */
export type MissionPlanForm = FormGroup<{
  title: FormControl<string>;
  startDate: FormControl<string>;
  endDate: FormControl<string>;
  expertIds: FormControl<string[]>;
  /** The scope as typed when planning: codes of one country, separated by commas or spaces. */
  codes: FormControl<string>;
  /** The scope as chosen when correcting: codes of the mission's country. */
  benchmarks: FormControl<string[]>;
}>;

/** The form of a mission plan, empty (planning) or holding a mission's values (correcting). */
export function missionPlanForm(
  initial: { title?: string; startDate?: string; endDate?: string; expertIds?: string[]; benchmarks?: string[] } = {},
): MissionPlanForm {
  return new FormGroup({
    title: new FormControl(initial.title ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(300)] }),
    startDate: new FormControl(initial.startDate ?? '', { nonNullable: true, validators: [Validators.required] }),
    endDate: new FormControl(initial.endDate ?? '', { nonNullable: true, validators: [Validators.required] }),
    expertIds: new FormControl(initial.expertIds ?? [], { nonNullable: true }),
    codes: new FormControl('', { nonNullable: true }),
    benchmarks: new FormControl(initial.benchmarks ?? [], { nonNullable: true }),
  });
}

/** The scope a form names: the chosen benchmarks (correcting), or the typed codes (planning). */
export function missionScope(form: MissionPlanForm, chosen: boolean): string[] {
  const { codes, benchmarks } = form.getRawValue();
  return chosen ? benchmarks : codes.split(/[\s,;]+/).filter(Boolean);
}

/**
 * The fields of a peer-review mission — title, scope, dates, experts — for planning one (the scope
 * typed as codes: the country follows from them) and for correcting one (the scope chosen among the
 * benchmarks of its country, given as `benchmarks`).
 */
@Component({
  selector: 'bt-mission-fields',
  imports: [DATE_FIELD, ReactiveFormsModule, MatCheckbox, MatError, MatFormField, MatHint, MatInput, MatLabel, MatOption, MatSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container [formGroup]="form()">
      <mat-form-field class="full">
        <mat-label i18n="@@missions.plan.title">Title</mat-label>
        <input matInput formControlName="title" maxlength="300" required />
      </mat-form-field>
      @if (benchmarks(); as choices) {
        <mat-form-field class="full">
          <mat-label i18n="Field of the mission form: the benchmarks the mission reviews@@missions.plan.scope">Benchmarks in scope</mat-label>
          <mat-select formControlName="benchmarks" multiple required>
            @for (b of choices; track b.id) {
              <mat-option [value]="b.code">{{ b.code }} · {{ b.area.title }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      } @else {
        <mat-form-field class="full">
          <mat-label i18n="@@missions.plan.benchmarks">Benchmarks (codes of one country)</mat-label>
          <input matInput formControlName="codes" />
          <mat-hint i18n="@@missions.plan.benchmarksHint">For example RS-24-MIG-01, RS-24-MIG-02</mat-hint>
        </mat-form-field>
      }
      <div class="row">
        <mat-form-field>
          <mat-label i18n="@@missions.plan.start">Start date</mat-label>
          <input matInput [matDatepicker]="startPicker" btCalendarDay #startDay="btCalendarDay" formControlName="startDate" required />
          <mat-datepicker-toggle matIconSuffix [for]="startPicker" />
          <mat-datepicker #startPicker />
          @if (form().controls.startDate.hasError('matDatepickerParse')) {
            <mat-error>{{ startDay.unreadable }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@missions.plan.end">End date</mat-label>
          <input
            matInput
            [matDatepicker]="endPicker"
            btCalendarDay
            #endDay="btCalendarDay"
            formControlName="endDate"
            [min]="form().controls.startDate.value || null"
            required
          />
          <mat-datepicker-toggle matIconSuffix [for]="endPicker" />
          <mat-datepicker #endPicker [startAt]="form().controls.startDate.value || null" />
          @if (form().controls.endDate.hasError('matDatepickerParse')) {
            <mat-error>{{ endDay.unreadable }}</mat-error>
          }
        </mat-form-field>
      </div>
      <fieldset>
        <legend i18n="@@missions.plan.experts">Experts</legend>
        @for (e of expertsInOrder(); track e.id) {
          <mat-checkbox [checked]="form().controls.expertIds.value.includes(e.id)" (change)="toggleExpert(e.id, $event.checked)"
            >{{ e.displayName }} ({{ e.organisation }}
            @if (e.memberState) {
              , {{ e.memberState }}
            }
            )</mat-checkbox
          >
        } @empty {
          <span class="muted" i18n="Shown in the mission form when no user holds the expert role@@missions.plan.noExperts">No expert to assign yet.</span>
        }
      </fieldset>
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .full {
      width: 100%;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    fieldset {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      margin: 0 0 1rem;
      display: flex;
      flex-direction: column;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MissionFields {
  readonly form = input.required<MissionPlanForm>();
  readonly experts = input.required<readonly ExpertDto[]>();
  protected readonly expertsInOrder = computed(() => inReadersOrder(this.experts(), (e) => e.displayName));
  /** The benchmarks the scope is chosen from (a correction); none: the scope is typed as codes (planning). */
  readonly benchmarks = input<readonly BenchmarkListItemDto[] | null>(null);

  protected toggleExpert(id: string, checked: boolean): void {
    const experts = this.form().controls.expertIds;
    experts.setValue(checked ? [...experts.value.filter((e) => e !== id), id] : experts.value.filter((e) => e !== id));
    experts.markAsDirty();
  }
}
