import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import type { MissionDetailDto } from '@bt/contracts';
import { DisplayDatePipe } from '@bt/web/ui';
import { confirmed, type ConfirmDialogData } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { MissionsPagesApi } from '../../missions-api';
import type { MissionChange } from '../mission-change';
import { MissionDocumentUpload } from './document-upload';

/** The mission report: uploaded by the experts until it is shared, shared with the ministry by the Commission (after asking). */
@Component({
  selector: 'bt-mission-report',
  imports: [DisplayDatePipe, MatButton, MissionDocumentUpload],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../../missions.scss',
  template: `
    @let m = mission();
    <section aria-labelledby="report-heading">
      <h2 id="report-heading" i18n="@@missionPage.report.heading">Mission report</h2>
      @if (m.report; as report) {
        <p>
          <a [href]="'/api/missions/' + m.id + '/report'" download>{{ report.fileName }}</a>
          <span class="meta" i18n="@@missionPage.report.submittedAt">
            · submitted <time [attr.datetime]="report.submittedAt">{{ report.submittedAt | displayDate }}</time></span
          >
          @if (report.sharedAt) {
            <span class="meta" i18n="@@missionPage.report.sharedAt">
              · shared with the ministry <time [attr.datetime]="report.sharedAt">{{ report.sharedAt | displayDate }}</time></span
            >
          } @else {
            <span class="meta" i18n="@@missionPage.report.notShared"> · not yet shared with the ministry</span>
          }
        </p>
      } @else if (m.may.write) {
        <p class="empty" i18n="Empty state of a mission's report, for its experts@@missionPage.report.noneWrite">
          No report yet. Upload it here once the mission's meetings are over.
        </p>
      } @else {
        <p class="empty" i18n="@@missionPage.report.noneVisible">No report to show yet.</p>
      }
      @if (m.may.share) {
        <button matButton="filled" type="button" [disabled]="action.saving()" (click)="share()" i18n="@@missionPage.report.share">
          Share the report with the ministry
        </button>
      }
      @if (action.problem(); as problem) {
        <p class="error" role="alert">{{ problem }}</p>
      }
      @if (m.may.write && !m.report?.sharedAt) {
        <bt-mission-document-upload
          [missionId]="m.id"
          [what]="'report'"
          i18n-choose="Button that opens the file chooser for a mission's report@@missionPage.report.choose"
          choose="Choose the mission report"
          (uploaded)="changed.emit({ notice: uploadedNotice })"
        />
      }
    </section>
  `,
})
export class MissionReportSection {
  readonly mission = input.required<MissionDetailDto>();
  readonly changed = output<MissionChange>();

  private readonly api = inject(MissionsPagesApi);
  private readonly dialog = inject(MatDialog);
  protected readonly action = new DialogSave();
  protected readonly uploadedNotice = $localize`:@@missionPage.upload.done:Document uploaded.`;

  protected share(): void {
    // Sharing cannot be taken back: asked first.
    const data: ConfirmDialogData = {
      title: $localize`:@@missionPage.report.confirmShare.title:Share the report with the ministry?`,
      message: $localize`:@@missionPage.report.confirmShare.message:The ministry sees the report and its recommendations at once, and can make them corrective measures. Sharing cannot be undone.`,
      confirm: $localize`:@@missionPage.report.confirmShare.confirm:Share the report`,
    };
    confirmed(this.dialog, data).subscribe(() =>
      this.action.run(
        this.api.share(this.mission().id),
        (mission) => this.changed.emit({ mission, notice: $localize`:@@missionPage.report.sharedNotice:The report is shared with the ministry.` }),
        $localize`:@@missionPage.report.shareFailed:The report could not be shared.`,
      ),
    );
  }
}
