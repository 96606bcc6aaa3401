import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { AssistanceStatus, ParticipantRole, ProjectDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { countryName, loadEach, LOADING } from '@bt/web/ui';
import { controlValue, filterValues, PlaceFilters, placeAreas } from '@bt/web/ui/filters';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { AssistanceApi, PERIOD, type ProjectFilters } from '../assistance-api';
import { IatiDownload } from '../iati-download/iati-download';
import { INSTRUMENT_LABELS, mayAddProjects, PartialDatePipe, STATUS_LABELS, STATUSES } from '../assistance-labels';

/**
 * Assistance projects, public: who helps a country meet its benchmarks — funders, implementers,
 * the instrument, when — filtered by country, area, benchmark, funder, implementer, period and status.
 */
@Component({
  selector: 'bt-projects-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    PartialDatePipe,
    IatiDownload,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatLabel,
    MatIcon,
    MatInput,
    MatProgressBar,
    PlaceFilters,
    MatSelect,
    MatOption,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './projects-page.html',
  styleUrl: './projects-page.scss',
})
export class ProjectsPage {
  private readonly api = inject(AssistanceApi);
  protected readonly me = inject(AuthSession).me;

  protected readonly countryName = countryName;
  protected readonly statuses = STATUSES;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly instrumentLabels = INSTRUMENT_LABELS;

  protected readonly filters = new FormGroup({
    country: new FormControl(this.me()?.organisation.country ?? 'RS', { nonNullable: true }),
    area: new FormControl('', { nonNullable: true }),
    benchmark: new FormControl('', { nonNullable: true }),
    funder: new FormControl('', { nonNullable: true }),
    implementer: new FormControl('', { nonNullable: true }),
    period: new FormControl('', { nonNullable: true, validators: [Validators.pattern(PERIOD)] }),
    status: new FormControl<AssistanceStatus | ''>('', { nonNullable: true }),
  });
  private readonly filterValues = filterValues<ProjectFilters>(this.filters);
  private readonly country = controlValue(this.filters.controls.country);
  protected readonly benchmarkExample = $localize`:Example of a benchmark code@@assistance.filter.benchmark.example:RS-24-POL-09`;

  protected readonly projects = toSignal(this.filterValues.pipe(loadEach((filters: ProjectFilters) => this.api.projects(filters))), { initialValue: LOADING });
  protected readonly areas = placeAreas(this.country, (country) => this.api.areas(country));
  protected readonly items = computed(() => this.projects().value ?? []);
  protected readonly errorDetail = computed(() => {
    const error = this.projects().error;
    return error ? apiErrorMessage(error) : null;
  });
  protected readonly mayAdd = computed(() => mayAddProjects(this.me()));
  /** The IATI file of the chosen country's projects. */
  protected readonly iatiPath = computed(() => `/api/projects/iati?country=${encodeURIComponent(this.country())}`);

  protected names(project: ProjectDto, role: ParticipantRole): string {
    return project.participants
      .filter((p) => p.role === role)
      .map((p) => p.name)
      .join('; ');
  }

  /** The benchmarks a project supports, each once. */
  protected supported(project: ProjectDto): string[] {
    return [...new Set(project.supports.map((s) => s.benchmark.code))];
  }

  protected clearFilters(): void {
    this.filters.reset({ country: this.filters.controls.country.value, area: '', benchmark: '', funder: '', implementer: '', period: '', status: '' });
  }
}
