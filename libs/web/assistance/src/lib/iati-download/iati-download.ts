import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';

/** IATI OrganisationType codes a reporting organisation is most likely to be, with their names. */
const ORGANISATION_TYPES: readonly { code: number; name: string }[] = [
  { code: 10, name: $localize`:IATI organisation type 10@@assistance.iati.type.10:Government` },
  { code: 11, name: $localize`:IATI organisation type 11@@assistance.iati.type.11:Local government` },
  { code: 15, name: $localize`:IATI organisation type 15@@assistance.iati.type.15:Other public sector` },
  { code: 21, name: $localize`:IATI organisation type 21@@assistance.iati.type.21:International NGO` },
  { code: 22, name: $localize`:IATI organisation type 22@@assistance.iati.type.22:National NGO` },
  { code: 23, name: $localize`:IATI organisation type 23@@assistance.iati.type.23:Regional NGO` },
  { code: 40, name: $localize`:IATI organisation type 40@@assistance.iati.type.40:Multilateral` },
  { code: 60, name: $localize`:IATI organisation type 60@@assistance.iati.type.60:Foundation` },
  { code: 70, name: $localize`:IATI organisation type 70@@assistance.iati.type.70:Private sector` },
  { code: 80, name: $localize`:IATI organisation type 80@@assistance.iati.type.80:Academic, training and research` },
  { code: 90, name: $localize`:IATI organisation type 90@@assistance.iati.type.90:Other` },
];

/**
 * "Download IATI XML": a link to an IATI 2.03 file (a country's projects or one project). The file
 * names a reporting organisation: a funder's with its IATI identifier, or the one stated here (its
 * identifier and type), which also prefixes the identifiers made for projects that have none.
 */
@Component({
  selector: 'bt-iati-download',
  imports: [MatButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="iati">
      <summary i18n="Opens the form to download projects as an IATI file@@assistance.iati.summary">Download IATI XML</summary>
      <p class="hint" i18n="@@assistance.iati.hint">
        An IATI 2.03 activities file. State the organisation that reports it, unless every project names a funder with its IATI
        identifier and type. A project that states no date is left out.
      </p>
      <div class="fields">
        <label>
          <span i18n="@@assistance.iati.reportingOrg">Reporting organisation identifier</span>
          <input type="text" placeholder="XM-DAC-7" i18n-placeholder="Example of an IATI organisation identifier@@assistance.iati.reportingOrg.example" autocomplete="off" [value]="reportingOrg()" (input)="reportingOrg.set($any($event.target).value)" />
        </label>
        <label>
          <span i18n="@@assistance.iati.reportingOrgType">Its IATI organisation type</span>
          <select [value]="reportingOrgType()" (change)="reportingOrgType.set($any($event.target).value)">
            @for (type of types; track type.code) {
              <option [value]="type.code">{{ type.code }} – {{ type.name }}</option>
            }
          </select>
        </label>
      </div>
      <a matButton="outlined" [href]="href()" download>
        <mat-icon aria-hidden="true">download</mat-icon>
        <span i18n="@@assistance.iati.download">Download</span>
      </a>
    </details>
  `,
  styles: `
    .iati summary { cursor: pointer; font-weight: 500; }
    .fields { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0.5rem 0 1rem; }
    .fields label { display: flex; flex-direction: column; gap: 0.25rem; }
    .fields input, .fields select { font: inherit; padding: 0.4rem; min-width: 12rem; }
    .hint { max-width: 60ch; }
  `,
})
export class IatiDownload {
  /** The export's address without the reporting organisation: `/api/projects/iati?country=RS` or `/api/projects/{id}/iati`. */
  readonly path = input.required<string>();
  protected readonly types = ORGANISATION_TYPES;
  protected readonly reportingOrg = signal('');
  protected readonly reportingOrgType = signal('10');
  protected readonly href = computed(() => iatiHref(this.path(), this.reportingOrg(), this.reportingOrgType()));
}

/** The export's address, with the reporting organisation when one is stated. */
export function iatiHref(path: string, reportingOrg: string, reportingOrgType: string): string {
  const ref = reportingOrg.trim();
  if (!ref) return path;
  const params = new URLSearchParams({ reportingOrg: ref, reportingOrgType });
  return `${path}${path.includes('?') ? '&' : '?'}${params}`;
}
