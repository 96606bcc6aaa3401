import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { MissionDetailDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { askBeforeUnload, type HoldsUnsavedWork } from '@bt/web/identity/dialogs';
import { LiveChanges } from '@bt/web/live';
import { filter } from 'rxjs';
import { DisplayDatePipe } from '@bt/web/ui';
import { MissionsPagesApi } from '../missions-api';
import { EditMissionDialog, type EditMissionResult } from './edit-mission-dialog';
import type { MissionChange } from './mission-change';
import { MissionAgendaSection } from './sections/agenda-section';
import { MissionFindingsSection } from './sections/findings-section';
import { MissionRecommendationsSection } from './sections/recommendations-section';
import { MissionReportSection } from './sections/report-section';
import { MissionScopeSection } from './sections/scope-section';
import { MissionTermsSection } from './sections/terms-section';

export { recommendationStatusLabel } from './sections/recommendation-follow-up';

/**
 * `/missions/:id`: one peer-review mission — scope, experts, terms of reference, agenda, findings per
 * benchmark, the report (and its sharing with the ministry) and the recommendations' follow-up, each
 * a section of its own; the page loads the mission, shows what a section changed, and asks before
 * unsaved text in a section is left behind.
 */
@Component({
  selector: 'bt-mission-page',
  imports: [
    DisplayDatePipe,
    MatButton,
    MatProgressBar,
    MissionAgendaSection,
    MissionFindingsSection,
    MissionRecommendationsSection,
    MissionReportSection,
    MissionScopeSection,
    MissionTermsSection,
    RouterLink,
  ],
  templateUrl: './mission-page.html',
  styleUrl: '../missions.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MissionPage implements OnInit, HoldsUnsavedWork {
  readonly id = input.required<string>();

  private readonly api = inject(MissionsPagesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly mission = signal<MissionDetailDto | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly notice = signal<string | null>(null);
  /** Someone else changed the mission while it was open: offered, not loaded, since the page's forms may hold unsaved text. */
  protected readonly changedElsewhere = signal(false);

  private readonly agenda = viewChild(MissionAgendaSection);
  private readonly findings = viewChild(MissionFindingsSection);
  private readonly recommendations = viewChild(MissionRecommendationsSection);

  constructor() {
    const me = inject(AuthSession).me;
    inject(LiveChanges)
      .reloads((change) => change.type === 'mission' && change.id === this.id() && change.by !== me()?.id)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.changedElsewhere.set(true));
    askBeforeUnload(() => this.hasUnsavedWork());
  }

  ngOnInit(): void {
    this.load();
  }

  /** A meeting, finding, recommendation or follow-up typed and not saved (the route asks before leaving). */
  hasUnsavedWork(): boolean {
    return [this.agenda(), this.findings(), this.recommendations()].some((section) => section?.hasUnsavedWork());
  }

  protected showChanges(): void {
    this.changedElsewhere.set(false);
    this.load();
  }

  private load(): void {
    this.api.get(this.id()).subscribe({
      next: (m) => this.mission.set(m),
      error: () => this.loadFailed.set(true),
    });
  }

  /** A section changed the mission: the mission as answered (or loaded again), and its words. */
  protected changed(change: MissionChange): void {
    if (change.mission) this.mission.set(change.mission);
    else this.load();
    if (change.notice) this.notice.set(change.notice);
  }

  /** The Commission corrects title, dates, experts or scope. */
  protected editMission(m: MissionDetailDto): void {
    this.dialog
      .open<EditMissionDialog, MissionDetailDto, EditMissionResult>(EditMissionDialog, { data: m })
      .afterClosed()
      .pipe(filter((result): result is EditMissionResult => !!result))
      .subscribe((result) => {
        if (result === 'changed') {
          // Someone else corrected it first: show theirs, so the correction is made again on what is there now.
          this.load();
          this.snackBar.open($localize`:@@missionPage.edit.changed:Changed by someone else — reloaded. Your correction was not saved.`, undefined, {
            duration: 8000,
          });
          return;
        }
        this.mission.set(result);
        this.snackBar.open($localize`:@@missionPage.edit.saved:Mission saved.`, undefined, { duration: 4000 });
      });
  }
}
