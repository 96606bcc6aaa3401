import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { FormControl, FormGroup, FormRecord, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { MissionDetailDto } from '@bt/contracts';
import type { HoldsUnsavedWork } from '@bt/web/identity/dialogs';
import { MarkdownText } from '@bt/web/ui/markdown';
import { DialogSave } from '@bt/web/ui/refusals';
import { MissionsPagesApi } from '../../missions-api';
import type { MissionChange } from '../mission-change';

/**
 * The findings per benchmark: written by the mission's experts (Markdown), read by the others once
 * the report is there. A finding being written keeps its text when the mission reloads.
 */
@Component({
  selector: 'bt-mission-findings',
  imports: [MarkdownText, MatButton, MatFormField, MatInput, MatLabel, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../../missions.scss',
  template: `
    @let m = mission();
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading" i18n="@@missionPage.findings.heading">Findings per benchmark</h2>
      @if (m.may.write) {
        @if (!m.findings.length) {
          <p class="empty" i18n="Empty state of a mission's findings, for its experts@@missionPage.findings.noneWrite">
            No findings yet. Write the first finding after a meeting.
          </p>
        }
      } @else if (!m.report) {
        <p class="empty" i18n="@@missionPage.findings.notShared">The findings are shared together with the mission report.</p>
      } @else if (!m.findings.length) {
        <p class="empty" i18n="Empty state of a mission's findings, once its report is there@@missionPage.findings.none">No finding was recorded.</p>
      }
      @for (b of m.benchmarks; track b.id) {
        @let finding = findingOf(b.id);
        @if (m.may.write || finding) {
          <div class="card">
            <h3>{{ b.code }}</h3>
            @if (m.may.write && findings.controls[b.id]; as finding) {
              <form [formGroup]="finding" (ngSubmit)="saveFinding(b.id)" novalidate>
                <mat-form-field class="full">
                  <mat-label i18n="@@missionPage.finding.label">Finding on {{ b.code }} (Markdown)</mat-label>
                  <textarea matInput rows="4" formControlName="text"></textarea>
                </mat-form-field>
                <button matButton="outlined" type="submit" [disabled]="action.saving()" i18n="@@missionPage.finding.save">Save finding on {{ b.code }}</button>
              </form>
            } @else if (finding) {
              <bt-evidence-narrative [text]="finding.text" />
            }
          </div>
        }
      }
      @if (action.problem(); as problem) {
        <p class="error" role="alert">{{ problem }}</p>
      }
    </section>
  `,
})
export class MissionFindingsSection implements HoldsUnsavedWork {
  readonly mission = input.required<MissionDetailDto>();
  readonly changed = output<MissionChange>();

  private readonly api = inject(MissionsPagesApi);
  protected readonly action = new DialogSave();
  /** One text per benchmark of the scope, by benchmark id. */
  protected readonly findings = new FormRecord<FormGroup<{ text: FormControl<string> }>>({});

  constructor() {
    // The saved findings fill the fields, except one being written: its text is kept.
    effect(() => {
      for (const b of this.mission().benchmarks) {
        const saved = this.findingOf(b.id)?.text ?? '';
        const finding = this.findings.controls[b.id];
        if (!finding)
          this.findings.addControl(b.id, new FormGroup({ text: new FormControl(saved, { nonNullable: true, validators: [Validators.maxLength(100_000)] }) }));
        else if (!finding.dirty) finding.setValue({ text: saved });
      }
    });
  }

  hasUnsavedWork(): boolean {
    return this.findings.dirty;
  }

  protected findingOf(benchmarkId: string) {
    return this.mission().findings.find((f) => f.benchmarkId === benchmarkId) ?? null;
  }

  protected saveFinding(benchmarkId: string): void {
    const finding = this.findings.controls[benchmarkId];
    this.action.run(
      this.api.saveFinding(this.mission().id, benchmarkId, finding.getRawValue().text),
      (mission) => {
        finding.markAsPristine();
        this.changed.emit({ mission, notice: $localize`:@@missionPage.finding.saved:Finding saved.` });
      },
      $localize`:@@missionPage.finding.failed:The finding could not be saved.`,
    );
  }
}
