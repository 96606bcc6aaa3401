import { CurrencyPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ParticipantRole } from '@bt/contracts';
import { countryName, loadEach, LOADING } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { AssistanceApi } from '../assistance-api';
import { IatiDownload } from '../iati-download/iati-download';
import { ProjectVersions } from '../project-versions/project-versions';
import { INSTRUMENT_LABELS, PartialDatePipe, ROLE_LABELS, ROLES, STATUS_LABELS } from '../assistance-labels';

/** One assistance project, public: what it does, who takes part, when, and the benchmarks it supports and how. */
@Component({
  selector: 'bt-project-page',
  imports: [RouterLink, CurrencyPipe, PartialDatePipe, MatButton, MatIcon, MatProgressBar, IatiDownload, ProjectVersions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project-page.html',
  styleUrl: './project-page.scss',
})
export class ProjectPage {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();
  private readonly api = inject(AssistanceApi);

  protected readonly project = toSignal(toObservable(this.id).pipe(loadEach((id: string) => this.api.project(id))), { initialValue: LOADING });
  protected readonly notFound = computed(() => this.project().error?.status === 404);
  protected readonly errorDetail = computed(() => {
    const error = this.project().error;
    return error ? apiErrorMessage(error) : null;
  });
  protected readonly countryName = countryName;
  protected readonly instrumentLabels = INSTRUMENT_LABELS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly roleLabels = ROLE_LABELS;
  /** The participants grouped by role, in the roles' order. */
  protected readonly byRole = computed(() => {
    const project = this.project().value;
    if (!project) return [];
    return ROLES.map((role: ParticipantRole) => ({ role, names: project.participants.filter((p) => p.role === role).map((p) => p.name) })).filter(
      (g) => g.names.length,
    );
  });
}
