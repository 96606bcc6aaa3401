import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { EvidenceDto, MissionDetailDto, MissionMeetingDto, RecommendationDto, RecommendationStatus } from '@bt/contracts';

/** The follow-up statuses, in the order of the API's RecommendationFollowUpRequest (the web imports only types from contracts). */
const RECOMMENDATION_STATUSES: readonly RecommendationStatus[] = ['open', 'in_progress', 'implemented', 'not_implemented'];
import { DisplayDatePipe, UploadLimit } from '@bt/web/benchmarks';
import { MarkdownText } from '@bt/web/benchmarks/markdown';
import { apiErrorMessage, AuthSession, DialogSave } from '@bt/web/identity';
import { DATE_FIELD } from '@bt/web/identity/dates';
import { ConfirmDialog, type ConfirmDialogData } from '@bt/web/identity/dialogs';
import { LiveChanges } from '@bt/web/live';
import { filter } from 'rxjs';
import { MissionsPagesApi } from '../missions-api';
import { EditMissionDialog, type EditMissionResult } from './edit-mission-dialog';
import { MeetingDialog, type MeetingDialogData } from './meeting-dialog';

interface FollowUpModel {
  status: RecommendationStatus;
  note: string;
  evidenceIds: Set<string>;
  save: DialogSave;
}

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
 * `/missions/:id`: one peer-review mission — scope, experts, terms of reference, agenda, findings per
 * benchmark, the report (and its sharing with the ministry) and the recommendations' follow-up.
 */
@Component({
  selector: 'bt-mission-page',
  imports: [DATE_FIELD, DisplayDatePipe, FormsModule, MarkdownText, MatButton, MatFormField, MatInput, MatLabel, MatProgressBar, RouterLink],
  templateUrl: './mission-page.html',
  styleUrl: '../missions.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MissionPage implements OnInit {
  readonly id = input.required<string>();

  private readonly api = inject(MissionsPagesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly mission = signal<MissionDetailDto | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly statuses = RECOMMENDATION_STATUSES;
  protected readonly statusLabel = recommendationStatusLabel;
  protected readonly action = new DialogSave();
  protected readonly notice = signal<string | null>(null);
  protected readonly upload = signal<{ what: string; percent: number } | null>(null);
  protected readonly uploadProblem = signal<string | null>(null);
  protected readonly limit = inject(UploadLimit).label;
  protected readonly meeting = { meetsOn: '', institution: '', participants: '' };
  protected readonly recommendation = { benchmark: '', text: '', owner: '', dueDate: '' };
  protected findings: Record<string, string> = {};
  protected readonly followUps = signal<Record<string, FollowUpModel>>({});
  protected readonly evidence = signal<Record<string, EvidenceDto[]>>({});

  /** Someone else changed the mission while it was open: offered, not loaded, since the page's forms may hold unsaved text. */
  protected readonly changedElsewhere = signal(false);

  constructor() {
    const me = inject(AuthSession).me;
    inject(LiveChanges)
      .reloads((change) => change.type === 'mission' && change.id === this.id() && change.by !== me()?.id)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.changedElsewhere.set(true));
  }

  ngOnInit(): void {
    this.load();
  }

  protected showChanges(): void {
    this.changedElsewhere.set(false);
    this.load();
  }

  private load(): void {
    this.api.get(this.id()).subscribe({
      next: (m) => this.show(m),
      error: () => this.loadFailed.set(true),
    });
  }

  private show(m: MissionDetailDto): void {
    this.mission.set(m);
    this.findings = Object.fromEntries(m.benchmarks.map((b) => [b.id, m.findings.find((f) => f.benchmarkId === b.id)?.text ?? '']));
    this.recommendation.benchmark ||= m.benchmarks[0]?.code ?? '';
    this.followUps.set(Object.fromEntries(m.recommendations.map((r) => [r.id, { status: r.status, note: r.followUpNote, evidenceIds: new Set(r.evidence.map((e) => e.id)), save: new DialogSave() }])));
    if (m.may.followUp) {
      for (const code of new Set(m.recommendations.map((r) => r.benchmark.code))) {
        // A follow-up links shared evidence only (the Commission must be able to read it): internal items are not offered.
        this.api.evidence(code).subscribe({
          next: (items) => this.evidence.update((all) => ({ ...all, [code]: items.filter((e) => e.visibility !== 'internal') })),
          error: () => undefined,
        });
      }
    }
  }

  protected evidenceTitles(r: RecommendationDto): string {
    return r.evidence.map((e) => e.title).join(', ');
  }

  protected findingOf(m: MissionDetailDto, benchmarkId: string) {
    return m.findings.find((f) => f.benchmarkId === benchmarkId) ?? null;
  }

  private done(message: string) {
    return (m: MissionDetailDto) => {
      this.show(m);
      this.notice.set(message);
    };
  }

  protected addMeeting(): void {
    this.action.run(this.api.addMeeting(this.id(), this.meeting), this.done($localize`:@@missionPage.meeting.added:Meeting added to the agenda.`), $localize`:@@missionPage.meeting.failed:The meeting could not be added.`);
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
          this.snackBar.open($localize`:@@missionPage.edit.changed:Changed by someone else — reloaded. Your correction was not saved.`, undefined, { duration: 8000 });
          return;
        }
        this.show(result);
        this.snackBar.open($localize`:@@missionPage.edit.saved:Mission saved.`, undefined, { duration: 4000 });
      });
  }

  protected editMeeting(m: MissionDetailDto, meeting: MissionMeetingDto): void {
    this.dialog
      .open<MeetingDialog, MeetingDialogData, MissionDetailDto>(MeetingDialog, { data: { mission: m, meeting } })
      .afterClosed()
      .pipe(filter((saved): saved is MissionDetailDto => !!saved))
      .subscribe((saved) => {
        this.show(saved);
        this.snackBar.open($localize`:@@missionPage.meetingEdit.saved:Meeting saved.`, undefined, { duration: 4000 });
      });
  }

  /** Removes a meeting from the agenda once the Commission confirms it. */
  protected removeMeeting(m: MissionDetailDto, meeting: MissionMeetingDto): void {
    const data: ConfirmDialogData = {
      title: $localize`:Title of the dialog confirming the removal of a meeting@@missionPage.meetingRemove.title:Remove the meeting?`,
      message: $localize`:@@missionPage.meetingRemove.message:The meeting with ${meeting.institution}:institution: will be taken off the agenda.`,
      confirm: $localize`:@@missionPage.meetingRemove.confirm:Remove the meeting`,
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() =>
        this.action.run(
          this.api.removeMeeting(m.id, meeting.id),
          () => {
            this.snackBar.open($localize`:@@missionPage.meetingRemove.done:Meeting removed from the agenda.`, undefined, { duration: 4000 });
            this.load();
          },
          $localize`:@@missionPage.meetingRemove.failed:The meeting could not be removed.`,
        ),
      );
  }

  protected saveFinding(benchmarkId: string): void {
    this.action.run(this.api.saveFinding(this.id(), benchmarkId, this.findings[benchmarkId] ?? ''), this.done($localize`:@@missionPage.finding.saved:Finding saved.`), $localize`:@@missionPage.finding.failed:The finding could not be saved.`);
  }

  protected addRecommendation(): void {
    this.action.run(
      this.api.addRecommendation(this.id(), this.recommendation),
      () => {
        this.recommendation.text = '';
        this.notice.set($localize`:@@missionPage.rec.added:Recommendation added.`);
        this.load();
      },
      $localize`:@@missionPage.rec.failed:The recommendation could not be added.`,
    );
  }

  protected share(): void {
    // Sharing cannot be taken back: asked first.
    const data: ConfirmDialogData = {
      title: $localize`:@@missionPage.report.confirmShare.title:Share the report with the ministry?`,
      message: $localize`:@@missionPage.report.confirmShare.message:The ministry sees the report and its recommendations at once, and can make them corrective measures. Sharing cannot be undone.`,
      confirm: $localize`:@@missionPage.report.confirmShare.confirm:Share the report`,
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => this.shareNow());
  }

  private shareNow(): void {
    this.action.run(this.api.share(this.id()), this.done($localize`:@@missionPage.report.sharedNotice:The report is shared with the ministry.`), $localize`:@@missionPage.report.shareFailed:The report could not be shared.`);
  }

  protected toggleEvidence(recommendationId: string, evidenceId: string, checked: boolean): void {
    const model = this.followUps()[recommendationId];
    if (checked) model.evidenceIds.add(evidenceId);
    else model.evidenceIds.delete(evidenceId);
  }

  protected saveFollowUp(r: RecommendationDto): void {
    const model = this.followUps()[r.id];
    model.save.run(
      this.api.followUp(r.id, { status: model.status, followUpNote: model.note, evidenceIds: [...model.evidenceIds] }),
      () => {
        this.notice.set($localize`:@@missionPage.rec.followedUp:Follow-up saved.`);
        this.load();
      },
      $localize`:@@missionPage.rec.followUpFailed:The follow-up could not be saved.`,
    );
  }

  protected toCorrectiveMeasure(r: RecommendationDto): void {
    this.action.run(
      this.api.toCorrectiveMeasure(r.id),
      () => {
        this.notice.set($localize`:@@missionPage.rec.measureCreated:A corrective measure was added to the Action Plan.`);
        this.load();
      },
      $localize`:@@missionPage.rec.measureFailed:The corrective measure could not be created.`,
    );
  }

  protected send(what: 'report' | 'terms-of-reference', input: HTMLInputElement): void {
    const file = input.files?.[0];
    this.uploadProblem.set(null);
    if (!file) {
      this.uploadProblem.set($localize`:@@missionPage.upload.chooseFile:Choose the document first.`);
      return;
    }
    this.upload.set({ what, percent: 0 });
    this.api.upload(this.id(), what, file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) this.upload.set({ what, percent: event.total ? Math.round((100 * event.loaded) / event.total) : 0 });
        if (event.type === HttpEventType.Response) {
          this.upload.set(null);
          input.value = '';
          this.notice.set($localize`:@@missionPage.upload.done:Document uploaded.`);
          this.load();
        }
      },
      error: (error: unknown) => {
        this.upload.set(null);
        this.uploadProblem.set((error instanceof HttpErrorResponse && apiErrorMessage(error)) || $localize`:@@missionPage.upload.error:The document could not be uploaded.`);
      },
    });
  }
}
