import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { ProjectVersionDto } from '@bt/contracts';
import { DisplayDatePipe, loadEach, LOADING } from '@bt/web/ui';
import { AssistanceApi } from '../assistance-api';

/** The project's fields as its page names them, for "changed …". */
const FIELD_LABELS: Record<string, string> = {
  title: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.title:title`,
  description: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.description:description`,
  instrument: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.instrument:instrument`,
  status: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.status:status`,
  iatiIdentifier: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.iatiIdentifier:IATI identifier`,
  plannedStart: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.plannedStart:planned start`,
  plannedEnd: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.plannedEnd:planned end`,
  actualStart: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.actualStart:actual start`,
  actualEnd: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.actualEnd:actual end`,
  budget: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.budget:budget`,
  objectives: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.objectives:objectives`,
  components: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.components:components`,
  expectedResults: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.expectedResults:expected results`,
  achievedResults: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.achievedResults:results achieved`,
  sectors: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.sectors:sectors`,
  participants: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.participants:organisations`,
  supports: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.supports:benchmarks supported`,
  links: $localize`:A field of an assistance project, in its version history@@assistance.versions.field.links:links`,
};

interface VersionEntry {
  readonly version: number;
  readonly at: string;
  readonly by: string;
  readonly what: string;
}

/** Every version of a project, newest first: what changed, by whom, when (the values stay in the audit trail). */
@Component({
  selector: 'bt-project-versions',
  imports: [DisplayDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="project-versions">
      <h2 id="project-versions" i18n="@@assistance.versions.heading">Versions</h2>
      @if (entries().length) {
        <ol class="versions" reversed>
          @for (entry of entries(); track entry.version) {
            <li>
              <span class="versions__what">
                <span i18n="@@assistance.versions.version">Version {{ entry.version }}</span
                >: {{ entry.what }}
              </span>
              <span class="versions__who">
                — {{ entry.by }}, <time [attr.datetime]="entry.at">{{ entry.at | displayDate }}</time></span
              >
            </li>
          }
        </ol>
      } @else if (loaded().error) {
        <p i18n="@@assistance.versions.error">The versions could not be loaded.</p>
      }
    </section>
  `,
  styles: `
    .versions {
      padding-left: 1.25rem;
    }
    .versions__who {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ProjectVersions {
  readonly projectId = input.required<string>();
  /** The project's current version: the list loads again when it changes. */
  readonly version = input.required<number>();
  private readonly api = inject(AssistanceApi);

  protected readonly loaded = toSignal(
    toObservable(computed(() => ({ id: this.projectId(), version: this.version() }))).pipe(loadEach(({ id }: { id: string }) => this.api.versions(id))),
    { initialValue: LOADING },
  );
  protected readonly entries = computed<VersionEntry[]>(() => (this.loaded().value ?? []).map(entry));
}

function entry(version: ProjectVersionDto): VersionEntry {
  const by = version.by ?? $localize`:Who changed a project when the trail names nobody@@assistance.versions.unknown:unknown`;
  const fromIati = version.via === 'iati-import';
  const fields = version.fields.map((field) => FIELD_LABELS[field] ?? field).join(', ');
  const what =
    version.change === 'created'
      ? fromIati
        ? $localize`:A project's first version, from a donor's IATI file@@assistance.versions.createdFromIati:created from an IATI file`
        : $localize`:A project's first version@@assistance.versions.created:created`
      : fromIati
        ? $localize`:A later version of a project, from a donor's IATI file; fields is a list such as "title, planned start"@@assistance.versions.changedFromIati:${fields}:fields: changed from an IATI file`
        : $localize`:A later version of a project; fields is a list such as "title, planned start"@@assistance.versions.changed:changed ${fields}:fields:`;
  return { version: version.version, at: version.at, by, what };
}
