import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { EvidenceDto, RecommendationDto, RecommendationStatus } from '@bt/contracts';
import { RECOMMENDATION_STATUSES } from '@bt/contracts/values';
import { DialogSave } from '@bt/web/ui/refusals';
import { MissionsPagesApi } from '../../missions-api';
import type { MissionChange } from '../mission-change';

/** The words for a recommendation's follow-up status. */
export function recommendationStatusLabel(status: RecommendationStatus): string {
  switch (status) {
    case 'open':
      return $localize`:Follow-up status of a recommendation@@missionPage.rec.status.open:Open`;
    case 'in_progress':
      return $localize`:Follow-up status of a recommendation@@missionPage.rec.status.inProgress:In progress`;
    case 'implemented':
      return $localize`:Follow-up status of a recommendation@@missionPage.rec.status.implemented:Implemented`;
    case 'not_implemented':
      return $localize`:Follow-up status of a recommendation@@missionPage.rec.status.notImplemented:Not implemented`;
  }
}

/**
 * A recommendation's follow-up (the Commission, and the ministry once the report is shared): its
 * status, a note and the shared evidence that answers it. Typed changes survive a reload of the mission.
 */
@Component({
  selector: 'bt-recommendation-follow-up',
  imports: [MatButton, MatCheckbox, MatFormField, MatInput, MatLabel, MatOption, MatSelect, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../../missions.scss',
  template: `
    @let r = recommendation();
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-form-field>
        <mat-label i18n="@@missionPage.rec.statusLabel">Follow-up status</mat-label>
        <mat-select formControlName="status">
          @for (s of statuses; track s) {
            <mat-option [value]="s">{{ statusLabel(s) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field class="full">
        <mat-label i18n="@@missionPage.rec.note">Follow-up note</mat-label>
        <textarea matInput rows="2" formControlName="note"></textarea>
      </mat-form-field>
      @if (evidence(); as items) {
        <fieldset>
          <legend i18n="@@missionPage.rec.linkEvidence">Evidence that answers it</legend>
          @for (e of items; track e.id) {
            <mat-checkbox class="full" [checked]="form.controls.evidenceIds.value.includes(e.id)" (change)="toggleEvidence(e.id, $event.checked)">{{
              e.title
            }}</mat-checkbox>
          } @empty {
            <span class="empty" i18n="@@missionPage.rec.noEvidence">No evidence on this benchmark yet.</span>
          }
        </fieldset>
      }
      @if (action.problem(); as problem) {
        <p class="error" role="alert">{{ problem }}</p>
      }
      <button matButton="filled" type="submit" [disabled]="action.saving()" i18n="@@missionPage.rec.saveFollowUpOf">
        Save follow-up<span class="cdk-visually-hidden"> of {{ r.benchmark.code }}: {{ r.text }}</span>
      </button>
    </form>
  `,
})
export class RecommendationFollowUp {
  readonly recommendation = input.required<RecommendationDto>();
  /** The benchmark's shared evidence to link (null until loaded). */
  readonly evidence = input<readonly EvidenceDto[] | null>(null);
  readonly changed = output<MissionChange>();

  private readonly api = inject(MissionsPagesApi);
  protected readonly statuses = RECOMMENDATION_STATUSES;
  protected readonly statusLabel = recommendationStatusLabel;
  protected readonly action = new DialogSave();
  protected readonly form = new FormGroup({
    status: new FormControl<RecommendationStatus>('open', { nonNullable: true }),
    note: new FormControl('', { nonNullable: true }),
    evidenceIds: new FormControl<string[]>([], { nonNullable: true }),
  });

  constructor() {
    // The saved follow-up fills the form, unless someone is changing it.
    effect(() => {
      const r = this.recommendation();
      if (!this.form.dirty) this.form.reset({ status: r.status, note: r.followUpNote, evidenceIds: r.evidence.map((e) => e.id) });
    });
  }

  get dirty(): boolean {
    return this.form.dirty;
  }

  protected toggleEvidence(id: string, checked: boolean): void {
    const ids = this.form.controls.evidenceIds;
    ids.setValue(checked ? [...ids.value.filter((e) => e !== id), id] : ids.value.filter((e) => e !== id));
    ids.markAsDirty();
  }

  protected save(): void {
    const { status, note, evidenceIds } = this.form.getRawValue();
    this.action.run(
      this.api.followUp(this.recommendation().id, { status, followUpNote: note, evidenceIds }),
      () => {
        this.form.markAsPristine();
        this.changed.emit({ notice: $localize`:@@missionPage.rec.followedUp:Follow-up saved.` });
      },
      $localize`:@@missionPage.rec.followUpFailed:The follow-up could not be saved.`,
    );
  }
}
