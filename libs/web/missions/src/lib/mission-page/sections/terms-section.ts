import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { MissionDetailDto } from '@bt/contracts';
import type { MissionChange } from '../mission-change';
import { MissionDocumentUpload } from './document-upload';

/** The mission's terms of reference: the document to download, and for the Commission its upload. */
@Component({
  selector: 'bt-mission-terms',
  imports: [MissionDocumentUpload],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../../missions.scss',
  template: `
    <section aria-labelledby="tor-heading">
      <h2 id="tor-heading" i18n="@@missionPage.tor.heading">Terms of reference</h2>
      @if (mission().termsOfReference; as tor) {
        <p>
          <a [href]="'/api/missions/' + mission().id + '/terms-of-reference'" download>{{ tor.fileName }}</a>
        </p>
      } @else if (mission().may.edit) {
        <p class="empty" i18n="Empty state of a mission's terms of reference, for the Commission@@missionPage.tor.noneEdit">
          No terms of reference yet. Upload them here for the experts and the ministry.
        </p>
      } @else {
        <p class="empty" i18n="@@missionPage.tor.none">No terms of reference yet.</p>
      }
      @if (mission().may.edit) {
        <bt-mission-document-upload
          [missionId]="mission().id"
          [what]="'terms-of-reference'"
          i18n-choose="Button that opens the file chooser for a mission's terms of reference@@missionPage.tor.choose"
          choose="Choose the terms of reference"
          (uploaded)="changed.emit({ notice: uploadedNotice })"
        />
      }
    </section>
  `,
})
export class MissionTermsSection {
  readonly mission = input.required<MissionDetailDto>();
  readonly changed = output<MissionChange>();
  protected readonly uploadedNotice = $localize`:@@missionPage.upload.done:Document uploaded.`;
}
