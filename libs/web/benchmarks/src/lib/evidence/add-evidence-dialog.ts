import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatCheckbox } from '@angular/material/checkbox';
import type { CreateEvidenceRequest, EvidenceDto, EvidenceVisibility, SubRequirementDto } from '@bt/contracts';
import { UnsavedWork } from '@bt/web/identity/dialogs';
import { DATE_FIELD } from '@bt/web/ui/dates';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { notBlank } from '../not-blank';
import { EvidenceApi } from './evidence-api';
import { VISIBILITY_OPTIONS } from './evidence-visibility';

export interface AddEvidenceDialogData {
  readonly code: string;
  /** The benchmark's sub-requirements the item may document. */
  readonly subRequirements?: readonly SubRequirementDto[];
  /** Editing this item (a new version) rather than adding one. */
  readonly item?: EvidenceDto;
}

/** "https://… label" per line → links; a line without an address stays for the API to refuse. */
export function parseLinks(text: string): { url: string; label?: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [url, ...label] = line.split(/\s+/);
      return label.length ? { url, label: label.join(' ') } : { url };
    });
}

/** An evidence item on a draft benchmark: title, Markdown narrative, period, sub-requirements, links and who may see it. */
@Component({
  selector: 'bt-add-evidence-dialog',
  imports: [FORM_DIALOG, MatRadioGroup, MatRadioButton, MatCheckbox, DATE_FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-form-dialog
      [submission]="submission"
      savingLabel="Adding the evidence"
      i18n-savingLabel="@@evidence.add.saving"
      [formGroup]="form"
      (formSubmit)="save()"
    >
      @if (data.item) {
        <h2 mat-dialog-title i18n="@@evidence.edit.title">Edit evidence</h2>
      } @else {
        <h2 mat-dialog-title i18n="@@evidence.add.title">Add evidence</h2>
      }
      <p class="dialog-form__intro" i18n="@@evidence.add.intro">Evidence for benchmark {{ data.code }}.</p>
      @if (unsaved.restored()) {
        <p class="dialog-form__note" role="status" i18n="@@evidence.add.draftRestored">Your unsaved draft is back, as you left it.</p>
      }
      <mat-form-field appearance="outline">
        <mat-label i18n="@@evidence.add.titleField">Title</mat-label>
        <input matInput formControlName="title" maxlength="300" autocomplete="off" required />
        @if (form.controls.title.hasError('required')) {
          <mat-error i18n="@@evidence.add.title.required">Enter a title.</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@evidence.add.narrative">Narrative (optional)</mat-label>
        <textarea matInput formControlName="narrative" rows="5" maxlength="100000"></textarea>
        <mat-hint i18n="@@evidence.add.narrative.hint">What was done, and how it meets the benchmark. Markdown: **bold**, lists, [links](https://…).</mat-hint>
      </mat-form-field>
      <fieldset class="dialog-form__group">
        <legend class="dialog-form__legend" i18n="@@evidence.add.period">The period it documents (optional)</legend>
        <div class="dialog-form__row">
          <mat-form-field appearance="outline">
            <mat-label i18n="@@evidence.add.periodStart">From</mat-label>
            <input matInput [matDatepicker]="periodStartPicker" btCalendarDay #periodStartDay="btCalendarDay" formControlName="periodStart" />
            <mat-datepicker-toggle matIconSuffix [for]="periodStartPicker" />
            <mat-datepicker #periodStartPicker />
            @if (form.controls.periodStart.hasError('matDatepickerParse')) {
              <mat-error>{{ periodStartDay.unreadable }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label i18n="@@evidence.add.periodEnd">To</mat-label>
            <input matInput [matDatepicker]="periodEndPicker" btCalendarDay #periodEndDay="btCalendarDay" formControlName="periodEnd" />
            <mat-datepicker-toggle matIconSuffix [for]="periodEndPicker" />
            <mat-datepicker #periodEndPicker [startAt]="form.controls.periodStart.value || null" />
            @if (form.controls.periodEnd.hasError('matDatepickerParse')) {
              <mat-error>{{ periodEndDay.unreadable }}</mat-error>
            }
          </mat-form-field>
        </div>
        @if (form.hasError('periodOrder')) {
          <p class="dialog-error" role="alert" i18n="@@evidence.add.periodOrder">The period must end on or after its start.</p>
        }
      </fieldset>
      @if (data.subRequirements?.length) {
        <fieldset class="dialog-form__group">
          <legend class="dialog-form__legend" i18n="@@evidence.add.subRequirements">Sub-requirements it documents</legend>
          @for (subRequirement of data.subRequirements; track subRequirement.id) {
            <mat-checkbox [checked]="subRequirementIds().has(subRequirement.id)" (change)="toggleSubRequirement(subRequirement.id, $event.checked)">
              {{ subRequirement.code }}
            </mat-checkbox>
          }
        </fieldset>
      }
      <mat-form-field appearance="outline">
        <mat-label i18n="@@evidence.add.links">Links (optional)</mat-label>
        <textarea matInput formControlName="links" rows="2"></textarea>
        <mat-hint i18n="@@evidence.add.links.hint">One per line: the address (http or https), then a label.</mat-hint>
      </mat-form-field>
      <fieldset class="dialog-form__group">
        <legend id="evidence-visibility-legend" class="dialog-form__legend" i18n="@@evidence.add.visibility">Who may see it</legend>
        <mat-radio-group formControlName="visibility" class="choice" aria-labelledby="evidence-visibility-legend">
          @for (option of visibilities; track option.visibility) {
            <mat-radio-button [value]="option.visibility" [attr.data-visibility]="option.visibility">
              <span class="choice__label">{{ option.label }}</span>
              <span class="choice__hint">{{ option.hint }}</span>
            </mat-radio-button>
          }
        </mat-radio-group>
      </fieldset>
      <mat-dialog-actions align="end">
        <button matButton type="button" (click)="unsaved.close()" i18n="@@workflow.dialog.cancel">Cancel</button>
        @if (data.item) {
          <button matButton="filled" type="submit" i18n="@@evidence.edit.submit">Save a new version</button>
        } @else {
          <button matButton="filled" type="submit" i18n="@@evidence.add.submit">Add evidence</button>
        }
      </mat-dialog-actions>
    </bt-form-dialog>
  `,
  styleUrl: '../benchmark-dialog.scss',
})
export class AddEvidenceDialog {
  protected readonly data = inject<AddEvidenceDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(EvidenceApi);
  private readonly dialog = inject<MatDialogRef<AddEvidenceDialog, EvidenceDto>>(MatDialogRef);

  protected readonly visibilities = VISIBILITY_OPTIONS;
  private readonly item = this.data.item;
  protected readonly form = new FormGroup(
    {
      title: new FormControl(this.item?.title ?? '', { nonNullable: true, validators: [notBlank, Validators.maxLength(300)] }),
      narrative: new FormControl(this.item?.narrative ?? '', { nonNullable: true, validators: [Validators.maxLength(100_000)] }),
      // Shared is what reviewers need: the submission asks for at least one shared item.
      visibility: new FormControl<EvidenceVisibility>(this.item?.visibility ?? 'shared', { nonNullable: true }),
      periodStart: new FormControl(this.item?.periodStart ?? '', { nonNullable: true }),
      periodEnd: new FormControl(this.item?.periodEnd ?? '', { nonNullable: true }),
      links: new FormControl((this.item?.links ?? []).map((l) => `${l.url} ${l.label}`.trim()).join('\n'), { nonNullable: true }),
    },
    {
      validators: (group) => {
        const { periodStart, periodEnd } = (group as FormGroup).getRawValue();
        return periodStart && periodEnd && periodStart > periodEnd ? { periodOrder: true } : null;
      },
    },
  );
  /** Escape, a click outside and Cancel ask before losing what was typed; the draft is kept in this browser until saved. */
  protected readonly unsaved = new UnsavedWork(this.dialog, this.form, `evidence.${this.data.code}.${this.item?.id ?? 'new'}`);
  protected readonly subRequirementIds = signal<ReadonlySet<string>>(new Set(this.item?.subRequirementIds ?? []));

  protected toggleSubRequirement(id: string, checked: boolean): void {
    const next = new Set(this.subRequirementIds());
    if (checked) next.add(id);
    else next.delete(id);
    this.subRequirementIds.set(next);
  }
  protected readonly submission = new DialogSave();

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { title, narrative, visibility, periodStart, periodEnd, links } = this.form.getRawValue();
    const subRequirementIds = [...this.subRequirementIds()];
    const fields: CreateEvidenceRequest = {
      title: title.trim(),
      visibility,
      ...(narrative.trim() ? { narrative: narrative.trim() } : {}),
      ...(periodStart ? { periodStart } : {}),
      ...(periodEnd ? { periodEnd } : {}),
      ...(subRequirementIds.length ? { subRequirementIds } : {}),
      ...(links.trim() ? { links: parseLinks(links) } : {}),
    };
    // 409: no longer a draft, or someone saved a version meanwhile; 403: not this user's country; 422: a bad link or period. All explain themselves.
    const request = this.item
      ? this.api.update(this.item.id, {
          ...fields,
          version: this.item.version,
          narrative: narrative.trim(),
          periodStart: periodStart || null,
          periodEnd: periodEnd || null,
          subRequirementIds,
          links: parseLinks(links),
        })
      : this.api.create(this.data.code, fields);
    this.submission.run(
      request,
      (evidence) => {
        this.unsaved.saved();
        this.dialog.close(evidence);
      },
      $localize`:@@evidence.add.failed:The evidence could not be saved. Please try again.`,
    );
  }
}
