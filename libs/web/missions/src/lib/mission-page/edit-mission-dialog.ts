import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { BenchmarkListItemDto, ExpertDto, MissionDetailDto } from '@bt/contracts';
import { UnsavedWork } from '@bt/web/identity/dialogs';
import { of } from 'rxjs';
import { loadEach, LOADING, type LoadState } from '@bt/web/ui';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { MissionFields, missionPlanForm, missionScope } from '../mission-fields';
import { MissionsPagesApi } from '../missions-api';

/** What the dialog closes with: the saved mission, or `changed` when someone else corrected it first (409). */
export type EditMissionResult = MissionDetailDto | 'changed';

/** Corrects a planned mission (the Commission): title, dates, experts and the scope among its country's benchmarks. */
@Component({
  selector: 'bt-edit-mission-dialog',
  imports: [FORM_DIALOG, MissionFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-form-dialog
      [submission]="submission"
      [busy]="choices().loading"
      savingLabel="Working on the mission"
      i18n-savingLabel="@@missionPage.edit.busy"
      [minWidth]="'560px'"
      [formGroup]="form"
      (formSubmit)="save()"
    >
      <h2 mat-dialog-title i18n="Title of the dialog that corrects a peer-review mission@@missionPage.edit.title">Edit mission</h2>
      @if (choices().value; as benchmarks) {
        <bt-mission-fields [form]="form" [experts]="experts().value ?? []" [benchmarks]="benchmarks" />
      } @else if (choices().error || experts().error) {
        <p class="load-error" role="alert" i18n="@@missionPage.edit.loadFailed">The benchmarks or experts could not be loaded.</p>
      }
      <mat-dialog-actions align="end">
        <button matButton type="button" (click)="unsaved.close()" i18n="@@missionPage.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" [disabled]="saving() || !choices().value" i18n="@@missionPage.edit.submit">Save the mission</button>
      </mat-dialog-actions>
    </bt-form-dialog>
  `,
  styles: `
    .load-error {
      color: var(--mat-sys-error);
    }
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
  protected readonly submission = new DialogSave();
  protected readonly saving = this.submission.saving;

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { title, startDate, endDate, expertIds } = this.form.getRawValue();
    this.submission.run(
      this.api.update(this.mission.id, {
        title: title.trim(),
        startDate,
        endDate,
        expertIds,
        benchmarks: missionScope(this.form, true),
        version: this.mission.version,
      }),
      (mission) => this.dialog.close(mission),
      $localize`:@@missionPage.edit.failed:The mission could not be saved.`,
      (error) => error.status === 409 && (this.dialog.close('changed'), true),
    );
  }
}
