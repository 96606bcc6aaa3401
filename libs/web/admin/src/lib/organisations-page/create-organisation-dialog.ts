import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { MatOption, MatSelect } from '@angular/material/select';
import type { CreateOrganisationRequest, OrganisationDto, OrganisationKind } from '@bt/contracts';
import { map, startWith } from 'rxjs';
import { CANDIDATE_COUNTRIES } from '@bt/web/ui';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { AdminApi } from '../admin-api';
import { ORGANISATION_KIND_OPTIONS, organisationSide } from '../organisation-kinds';

/**
 * A new organisation. A country's organisation (ministry, coordination body, CSO) names its country;
 * a Member State body its Member State; the EU side neither.
 */
@Component({
  selector: 'bt-create-organisation-dialog',
  imports: [FORM_DIALOG, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './create-organisation-dialog.html',
  styleUrl: '../admin-dialog.scss',
})
export class CreateOrganisationDialog {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject<MatDialogRef<CreateOrganisationDialog, OrganisationDto>>(MatDialogRef);

  protected readonly kinds = ORGANISATION_KIND_OPTIONS;
  protected readonly countries = CANDIDATE_COUNTRIES;
  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(2), Validators.maxLength(300)],
    }),
    kind: new FormControl<OrganisationKind | null>(null, { validators: [Validators.required] }),
    country: new FormControl({ value: '', disabled: true }, { nonNullable: true, validators: [Validators.required] }),
    memberState: new FormControl({ value: '', disabled: true }, { nonNullable: true, validators: [Validators.required, Validators.pattern(/^[A-Za-z]{2}$/)] }),
  });
  /** Which place the chosen kind asks for; the other place's field is disabled, so not validated or sent. */
  protected readonly side = toSignal(
    this.form.controls.kind.valueChanges.pipe(
      startWith(this.form.controls.kind.value),
      map((kind) => (kind ? organisationSide(kind) : null)),
    ),
    { initialValue: null },
  );

  protected readonly submission = new DialogSave();

  constructor() {
    this.form.controls.kind.valueChanges.pipe(takeUntilDestroyed()).subscribe((kind) => {
      const side = kind ? organisationSide(kind) : null;
      const { country, memberState } = this.form.controls;
      if (side === 'country') country.enable();
      else country.disable();
      if (side === 'memberState') memberState.enable();
      else memberState.disable();
    });
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, kind, country, memberState } = this.form.value;
    if (!kind) return;
    const request: CreateOrganisationRequest = {
      name: (name ?? '').trim(),
      kind,
      ...(country ? { country } : {}),
      ...(memberState ? { memberState: memberState.toUpperCase() } : {}),
    };
    this.submission.run(
      this.api.createOrganisation(request),
      (organisation) => this.dialog.close(organisation),
      $localize`:@@admin.createOrganisation.failed:The organisation could not be created. Please try again.`,
    );
  }
}
