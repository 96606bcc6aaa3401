import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, viewChildren } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { EvidenceDto, MissionDetailDto, RecommendationDto } from '@bt/contracts';
import type { HoldsUnsavedWork } from '@bt/web/identity/dialogs';
import { DisplayDatePipe } from '@bt/web/ui';
import { DATE_FIELD } from '@bt/web/ui/dates';
import { DialogSave } from '@bt/web/ui/refusals';
import { MissionsPagesApi } from '../../missions-api';
import type { MissionChange } from '../mission-change';
import { RecommendationFollowUp, recommendationStatusLabel } from './recommendation-follow-up';

/**
 * The mission's recommendations: added by its experts, followed up by the Commission (and the
 * ministry once the report is shared), made corrective measures of the Action Plan by the Commission.
 */
@Component({
  selector: 'bt-mission-recommendations',
  imports: [
    DATE_FIELD,
    DisplayDatePipe,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
    RecommendationFollowUp,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../../missions.scss',
  template: `
    @let m = mission();
    <section aria-labelledby="recs-heading">
      <h2 id="recs-heading" i18n="@@missionPage.recs.heading">Recommendations and follow-up</h2>
      @for (r of m.recommendations; track r.id) {
        <article class="card" [attr.aria-labelledby]="'rec-' + r.id">
          <h3 [id]="'rec-' + r.id">{{ r.benchmark.code }}: {{ r.text }}</h3>
          <p class="meta" i18n="@@missionPage.rec.meta">
            Owner: {{ r.owner }} · due <time [attr.datetime]="r.dueDate">{{ r.dueDate | displayDate }}</time> · {{ statusLabel(r.status) }}
          </p>
          @if (r.followUpNote) {
            <p>{{ r.followUpNote }}</p>
          }
          @if (r.evidence.length) {
            <p i18n="@@missionPage.rec.evidence">Answered by: {{ evidenceTitles(r) }}</p>
          }
          @if (r.correctiveMeasureId) {
            <p i18n="@@missionPage.rec.hasMeasure">A corrective measure of the <a routerLink="/action-plan">Action Plan</a> follows it up.</p>
          } @else if (m.may.edit && m.report?.sharedAt) {
            <button matButton="outlined" type="button" [disabled]="action.saving()" (click)="toCorrectiveMeasure(r)" i18n="@@missionPage.rec.toMeasure">
              Make it a corrective measure
            </button>
          }
          @if (m.may.followUp) {
            <bt-recommendation-follow-up [recommendation]="r" [evidence]="evidence()[r.benchmark.code] ?? null" (changed)="changed.emit($event)" />
          }
        </article>
      } @empty {
        @if (m.may.write) {
          <p class="empty" i18n="Empty state of a mission's recommendations, for its experts@@missionPage.recs.noneWrite">
            No recommendations yet. Add the first one below.
          </p>
        } @else {
          <p class="empty" i18n="@@missionPage.recs.none">No recommendation to show.</p>
        }
      }
      @if (action.problem(); as problem) {
        <p class="error" role="alert">{{ problem }}</p>
      }
      @if (m.may.write) {
        <form [formGroup]="recommendation" (ngSubmit)="addRecommendation()" novalidate aria-labelledby="add-rec-heading">
          <h3 id="add-rec-heading" i18n="@@missionPage.rec.addHeading">Add a recommendation</h3>
          <mat-form-field>
            <mat-label i18n="@@missionPage.rec.benchmark">Benchmark</mat-label>
            <mat-select formControlName="benchmark" required>
              @for (b of m.benchmarks; track b.id) {
                <mat-option [value]="b.code">{{ b.code }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field class="full">
            <mat-label i18n="@@missionPage.rec.text">Recommendation</mat-label>
            <textarea matInput rows="2" formControlName="text" required></textarea>
          </mat-form-field>
          <div class="row">
            <mat-form-field>
              <mat-label i18n="@@missionPage.rec.owner">Owner (institution)</mat-label>
              <input matInput formControlName="owner" required />
            </mat-form-field>
            <mat-form-field>
              <mat-label i18n="@@missionPage.rec.due">Due date</mat-label>
              <input matInput [matDatepicker]="dueDatePicker" btCalendarDay #dueDay="btCalendarDay" formControlName="dueDate" required />
              <mat-datepicker-toggle matIconSuffix [for]="dueDatePicker" />
              <mat-datepicker #dueDatePicker />
              @if (recommendation.controls.dueDate.hasError('matDatepickerParse')) {
                <mat-error>{{ dueDay.unreadable }}</mat-error>
              }
            </mat-form-field>
          </div>
          <button matButton="outlined" type="submit" [disabled]="action.saving()" i18n="@@missionPage.rec.add">Add recommendation</button>
        </form>
      }
    </section>
  `,
})
export class MissionRecommendationsSection implements HoldsUnsavedWork {
  readonly mission = input.required<MissionDetailDto>();
  readonly changed = output<MissionChange>();

  private readonly api = inject(MissionsPagesApi);
  private readonly followUps = viewChildren(RecommendationFollowUp);
  protected readonly statusLabel = recommendationStatusLabel;
  protected readonly action = new DialogSave();
  /** Each benchmark's shared evidence, for the follow-ups to link, by benchmark code. */
  protected readonly evidence = signal<Partial<Record<string, EvidenceDto[]>>>({});
  protected readonly recommendation = new FormGroup({
    benchmark: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    text: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    owner: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    dueDate: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  constructor() {
    effect(() => {
      const m = this.mission();
      const benchmark = this.recommendation.controls.benchmark;
      if (!benchmark.value) benchmark.setValue(m.benchmarks[0]?.code ?? '');
      if (!m.may.followUp) return;
      for (const code of new Set(m.recommendations.map((r) => r.benchmark.code))) {
        // A follow-up links shared evidence only (the Commission must be able to read it): internal items are not offered.
        this.api.evidence(code).subscribe({
          next: (items) => this.evidence.update((all) => ({ ...all, [code]: items.filter((e) => e.visibility !== 'internal') })),
          error: () => undefined,
        });
      }
    });
  }

  hasUnsavedWork(): boolean {
    return this.recommendation.dirty || this.followUps().some((f) => f.dirty);
  }

  protected evidenceTitles(r: RecommendationDto): string {
    return r.evidence.map((e) => e.title).join(', ');
  }

  protected addRecommendation(): void {
    if (this.recommendation.invalid) {
      this.recommendation.markAllAsTouched();
      return;
    }
    this.action.run(
      this.api.addRecommendation(this.mission().id, this.recommendation.getRawValue()),
      () => {
        // The next recommendation is often for the same benchmark, owner and date: only its text is emptied.
        this.recommendation.controls.text.reset();
        this.recommendation.markAsPristine();
        this.recommendation.markAsUntouched();
        this.changed.emit({ notice: $localize`:@@missionPage.rec.added:Recommendation added.` });
      },
      $localize`:@@missionPage.rec.failed:The recommendation could not be added.`,
    );
  }

  protected toCorrectiveMeasure(r: RecommendationDto): void {
    this.action.run(
      this.api.toCorrectiveMeasure(r.id),
      () => this.changed.emit({ notice: $localize`:@@missionPage.rec.measureCreated:A corrective measure was added to the Action Plan.` }),
      $localize`:@@missionPage.rec.measureFailed:The corrective measure could not be created.`,
    );
  }
}
