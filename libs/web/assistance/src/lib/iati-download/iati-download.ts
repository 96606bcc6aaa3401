import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { saveDownload } from '@bt/web/ui/refusals';

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
  imports: [ReactiveFormsModule, MatButton, MatIcon, MatFormField, MatLabel, MatInput, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="iati">
      <summary i18n="Opens the form to download projects as an IATI file@@assistance.iati.summary">Download IATI XML</summary>
      <p class="hint" i18n="@@assistance.iati.hint">
        An IATI 2.03 activities file. State the organisation that reports it, unless every project names a funder with its IATI identifier and type. A project
        that states no date is left out.
      </p>
      <div class="fields">
        <mat-form-field>
          <mat-label i18n="@@assistance.iati.reportingOrg">Reporting organisation identifier</mat-label>
          <input
            matInput
            type="text"
            placeholder="XM-DAC-7"
            i18n-placeholder="Example of an IATI organisation identifier@@assistance.iati.reportingOrg.example"
            autocomplete="off"
            [formControl]="reportingOrg"
          />
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@assistance.iati.reportingOrgType">Its IATI organisation type</mat-label>
          <mat-select [formControl]="reportingOrgType">
            @for (type of types; track type.code) {
              <mat-option [value]="type.code">{{ type.code }} – {{ type.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <!-- A link (to copy or open elsewhere) whose click downloads through the app, so a refusal is shown, not saved as the file. -->
      <a matButton="outlined" [href]="href()" download [attr.aria-disabled]="working()" (click)="download($event)">
        <mat-icon aria-hidden="true">download</mat-icon>
        <span i18n="@@assistance.iati.download">Download</span>
      </a>
      @if (problem(); as problem) {
        <p class="problem" role="alert">{{ problem }}</p>
      }
    </details>
  `,
  styles: `
    .iati summary {
      cursor: pointer;
      font-weight: 500;
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      margin: 0.5rem 0 0;
    }
    .fields mat-form-field {
      min-width: 12rem;
    }
    .hint {
      max-width: 60ch;
    }
    .problem {
      margin: 0.5rem 0 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class IatiDownload {
  private readonly http = inject(HttpClient);
  /** The export's address without the reporting organisation: `/api/projects/iati?country=RS` or `/api/projects/{id}/iati`. */
  readonly path = input.required<string>();
  protected readonly types = ORGANISATION_TYPES;
  protected readonly reportingOrg = new FormControl('', { nonNullable: true });
  protected readonly reportingOrgType = new FormControl(10, { nonNullable: true });
  private readonly org = toSignal(this.reportingOrg.valueChanges, { initialValue: this.reportingOrg.value });
  private readonly orgType = toSignal(this.reportingOrgType.valueChanges, { initialValue: this.reportingOrgType.value });
  protected readonly href = computed(() => iatiHref(this.path(), this.org(), String(this.orgType())));
  protected readonly working = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected async download(event: Event): Promise<void> {
    event.preventDefault();
    if (this.working()) return;
    this.working.set(true);
    this.problem.set(null);
    const failed = await saveDownload(this.http, this.href(), 'iati-activities.xml');
    this.working.set(false);
    if (failed) this.problem.set(failed.refused ?? $localize`:@@assistance.iati.failed:The IATI file could not be made. Try again.`);
  }
}

/** The export's address, with the reporting organisation when one is stated. */
export function iatiHref(path: string, reportingOrg: string, reportingOrgType: string): string {
  const ref = reportingOrg.trim();
  if (!ref) return path;
  const params = new URLSearchParams({ reportingOrg: ref, reportingOrgType });
  return `${path}${path.includes('?') ? '&' : '?'}${params}`;
}
