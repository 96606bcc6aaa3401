import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { ReactiveFormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { BenchmarkListItemDto, ExpertDto, MissionDetailDto } from '@bt/contracts';
import { UnsavedWork } from '@bt/web/identity/dialogs';
import { of } from 'rxjs';
import { loadEach, LOADING, type LoadState } from '@bt/web/ui';
import { DialogSave } from '@bt/web/ui/refusals';
import { MissionFields, missionPlanForm, missionScope } from '../mission-fields';
import { MissionsPagesApi } from '../missions-api';

/** What the dialog closes with: the saved mission, or `changed` when someone else corrected it first (409). */
export type EditMissionResult = MissionDetailDto | 'changed';

/** Corrects a planned mission (the Commission): title, dates, experts and the scope among its country's benchmarks. */
@Component({
  selector: 'bt-edit-mission-dialog',
  imports: [MatButton, MatDialogActions, MatDialogContent, MatDialogTitle, MatProgressBar, MissionFields, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n="Title of the dialog that corrects a peer-review mission@@missionPage.edit.title">Edit mission</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        @if (choices().value; as benchmarks) {
          <bt-mission-fields [form]="form" [experts]="experts().value ?? []" [benchmarks]="benchmarks" />
        } @else if (choices().error || experts().error) {
          <p class="dialog-error" role="alert" i18n="@@missionPage.edit.loadFailed">The benchmarks or experts could not be loaded.</p>
        }
        <div class="progress-slot">
          @if (choices().loading || saving()) {
            <mat-progress-bar mode="indeterminate" i18n-aria-label="@@missionPage.edit.busy" aria-label="Working on the mission" />
          }
        </div>
        @if (problem(); as problem) {
          <p class="dialog-error" role="alert">{{ problem }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" (click)="unsaved.close()" i18n="@@missionPage.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" [disabled]="saving() || !choices().value" i18n="@@missionPage.edit.submit">Save the mission</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .dialog-form { min-width: min(560px, 80vw); }
    .progress-slot { height: 4px; }
    .dialog-error { color: var(--mat-sys-error); }
  `,
})
export class EditMissionDialog {
  private readonly mission = inject<MissionDetailDto>(MAT_DIALOG_DATA);
  private readonly api = inject(MissionsPagesApi);
  private readonly dialog = inject<MatDialogRef<EditMissionDialog, EditMissionResult>>(MatDialogRef);

  protected readonly choices = toSignal(of(this.mission.countryCode).pipe(loadEach((country: string) => this.api.benchmarks(country))), {
    initialValue: LOADING as LoadState<BenchmarkListItemDto[]>,
  });
  protected readonly experts = toSignal(of(null).pipe(loadEach(() => this.api.experts())), { initialValue: LOADING as LoadState<ExpertDto[]> });
  protected readonly form = missionPlanForm({
    title: this.mission.title,
    startDate: this.mission.startDate,
    endDate: this.mission.endDate,
    expertIds: this.mission.experts.map((e) => e.id),
    benchmarks: this.mission.benchmarks.map((b) => b.code),
  });
  /** Escape, a click outside and Cancel ask before a half-made correction is thrown away. */
  protected readonly unsaved = new UnsavedWork(this.dialog, this.form);
  private readonly submission = new DialogSave();
  protected readonly saving = this.submission.saving;
  protected readonly problem = this.submission.problem;

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { title, startDate, endDate, expertIds } = this.form.getRawValue();
    this.submission.run(
      this.api.update(this.mission.id, { title: title.trim(), startDate, endDate, expertIds, benchmarks: missionScope(this.form, true), version: this.mission.version }),
      (mission) => this.dialog.close(mission),
      $localize`:@@missionPage.edit.failed:The mission could not be saved.`,
      (error) => error.status === 409 && (this.dialog.close('changed'), true),
    );
  }
}
