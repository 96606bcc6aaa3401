import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { MissionDetailDto, MissionMeetingDto } from '@bt/contracts';
import { type HoldsUnsavedWork } from '@bt/web/identity/dialogs';
import { filter } from 'rxjs';
import { DisplayDatePipe } from '@bt/web/ui';
import { confirmed, type ConfirmDialogData } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { MissionsPagesApi } from '../../missions-api';
import type { MissionChange } from '../mission-change';
import { MeetingDialog, type MeetingDialogData } from '../meeting-dialog';
import { MeetingFields, meetingForm } from '../meeting-fields';

/**
 * The mission's agenda: its meetings, a meeting added by the mission's experts, and corrected or
 * removed (after asking) by the Commission.
 */
@Component({
  selector: 'bt-mission-agenda',
  imports: [DisplayDatePipe, MatButton, MeetingFields, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../../missions.scss',
  template: `
    @let m = mission();
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" i18n="@@missionPage.agenda.heading">Agenda</h2>
      @if (m.meetings.length) {
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col" i18n="@@missionPage.agenda.date">Date</th>
                <th scope="col" i18n="@@missionPage.agenda.institution">Institution</th>
                <th scope="col" i18n="@@missionPage.agenda.participants">Participants</th>
                @if (m.may.edit) {
                  <th scope="col" i18n="Column of the agenda with the buttons that correct or remove a meeting@@missionPage.agenda.actions">Actions</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (meeting of m.meetings; track meeting.id) {
                <tr>
                  <td>
                    <time [attr.datetime]="meeting.meetsOn">{{ meeting.meetsOn | displayDate }}</time>
                  </td>
                  <td>{{ meeting.institution }}</td>
                  <td>{{ meeting.participants }}</td>
                  @if (m.may.edit) {
                    <td class="actions">
                      <button matButton type="button" (click)="editMeeting(meeting)" i18n="@@missionPage.agenda.edit">
                        Edit<span class="cdk-visually-hidden"> the meeting with {{ meeting.institution }}</span>
                      </button>
                      <button matButton type="button" [disabled]="action.saving()" (click)="removeMeeting(meeting)" i18n="@@missionPage.agenda.remove">
                        Remove<span class="cdk-visually-hidden"> the meeting with {{ meeting.institution }}</span>
                      </button>
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else if (m.may.write) {
        <p class="empty" i18n="Empty state of a mission's agenda, for its experts@@missionPage.agenda.noneWrite">
          No meeting planned yet. Add the first meeting below.
        </p>
      } @else {
        <p class="empty" i18n="@@missionPage.agenda.none">No meeting planned yet.</p>
      }
      @if (action.problem(); as problem) {
        <p class="error" role="alert">{{ problem }}</p>
      }
      @if (m.may.write) {
        <form class="row" [formGroup]="meeting" (ngSubmit)="addMeeting()" novalidate aria-labelledby="meeting-heading">
          <h3 id="meeting-heading" class="full" i18n="@@missionPage.meeting.heading">Add a meeting</h3>
          <bt-meeting-fields [form]="meeting" [startDate]="m.startDate" [endDate]="m.endDate" />
          <button matButton="outlined" type="submit" [disabled]="action.saving()" i18n="@@missionPage.meeting.add">Add meeting</button>
        </form>
      }
    </section>
  `,
})
export class MissionAgendaSection implements HoldsUnsavedWork {
  readonly mission = input.required<MissionDetailDto>();
  readonly changed = output<MissionChange>();

  private readonly api = inject(MissionsPagesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly action = new DialogSave();
  protected readonly meeting = meetingForm();

  hasUnsavedWork(): boolean {
    return this.meeting.dirty;
  }

  protected addMeeting(): void {
    if (this.meeting.invalid) {
      this.meeting.markAllAsTouched();
      return;
    }
    this.action.run(
      this.api.addMeeting(this.mission().id, this.meeting.getRawValue()),
      (mission) => {
        this.meeting.reset();
        this.changed.emit({ mission, notice: $localize`:@@missionPage.meeting.added:Meeting added to the agenda.` });
      },
      $localize`:@@missionPage.meeting.failed:The meeting could not be added.`,
    );
  }

  protected editMeeting(meeting: MissionMeetingDto): void {
    this.dialog
      .open<MeetingDialog, MeetingDialogData, MissionDetailDto>(MeetingDialog, { data: { mission: this.mission(), meeting } })
      .afterClosed()
      .pipe(filter((saved): saved is MissionDetailDto => !!saved))
      .subscribe((mission) => {
        this.changed.emit({ mission, notice: '' });
        this.snackBar.open($localize`:@@missionPage.meetingEdit.saved:Meeting saved.`, undefined, { duration: 4000 });
      });
  }

  /** Removes a meeting from the agenda once the Commission confirms it. */
  protected removeMeeting(meeting: MissionMeetingDto): void {
    const data: ConfirmDialogData = {
      title: $localize`:Title of the dialog confirming the removal of a meeting@@missionPage.meetingRemove.title:Remove the meeting?`,
      message: $localize`:@@missionPage.meetingRemove.message:The meeting with ${meeting.institution}:institution: will be taken off the agenda.`,
      confirm: $localize`:@@missionPage.meetingRemove.confirm:Remove the meeting`,
    };
    confirmed(this.dialog, data).subscribe(() =>
      this.action.run(
        this.api.removeMeeting(this.mission().id, meeting.id),
        () => {
          this.snackBar.open($localize`:@@missionPage.meetingRemove.done:Meeting removed from the agenda.`, undefined, { duration: 4000 });
          this.changed.emit({ notice: '' });
        },
        $localize`:@@missionPage.meetingRemove.failed:The meeting could not be removed.`,
      ),
    );
  }
}
