import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { BenchmarkListItemDto, ProjectDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { catchError, filter, map, of, switchMap } from 'rxjs';
import { CANDIDATE_COUNTRIES } from '@bt/web/ui';
import { apiErrorMessage, DialogSave } from '@bt/web/ui/refusals';
import { AssistanceApi } from '../assistance-api';
import { INSTRUMENT_LABELS, INSTRUMENTS, ROLE_LABELS, ROLES, STATUS_LABELS, STATUSES } from '../assistance-labels';
import { fillForm, participantGroup, projectForm, requestOf, startForm, supportGroup } from './project-form';

/**
 * A new assistance project, or a change to one (`:id/edit`, at the version loaded: a 409 says someone
 * changed it meanwhile). Texts listed in order (objectives, components, results, links) are one per line.
 */
@Component({
  selector: 'bt-project-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatIconButton,
    MatError,
    MatFormField,
    MatHint,
    MatLabel,
    MatIcon,
    MatInput,
    MatProgressBar,
    MatSelect,
    MatOption,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project-form-page.html',
  styleUrl: './project-form-page.scss',
})
export class ProjectFormPage {
  /** The `:id` route parameter when changing a project; absent for a new one. */
  readonly id = input<string | undefined>();
  private readonly api = inject(AssistanceApi);
  private readonly router = inject(Router);
  private readonly me = inject(AuthSession).me;

  protected readonly form = projectForm();
  protected readonly save = new DialogSave();
  protected readonly countries = CANDIDATE_COUNTRIES;
  protected readonly instruments = INSTRUMENTS;
  protected readonly instrumentLabels = INSTRUMENT_LABELS;
  protected readonly statuses = STATUSES;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;

  /** The project being changed, as loaded (its version is the one the change is made on). */
  protected readonly loaded = signal<ProjectDto | null>(null);
  protected readonly loadProblem = signal<string | null>(null);
  private readonly country = toSignal(this.form.controls.country.valueChanges, { initialValue: this.form.controls.country.value });
  protected readonly benchmarks = toSignal(
    toObservable(this.country).pipe(switchMap((country) => this.api.benchmarks(country).pipe(catchError(() => of([] as BenchmarkListItemDto[]))))),
    { initialValue: [] as BenchmarkListItemDto[] },
  );
  protected readonly editing = computed(() => !!this.id());

  constructor() {
    startForm(this.form, this.me());
    toObservable(this.id)
      .pipe(
        filter((id): id is string => !!id),
        switchMap((id) =>
          this.api.project(id).pipe(
            map((project) => ({ project }) as const),
            catchError((error: unknown) => of({ error } as const)),
          ),
        ),
      )
      .subscribe((answer) => {
        if ('error' in answer) {
          this.loadProblem.set(
            (answer.error instanceof HttpErrorResponse && apiErrorMessage(answer.error)) ||
              $localize`:@@assistance.form.loadFailed:The project could not be loaded.`,
          );
          return;
        }
        fillForm(this.form, answer.project);
        this.loaded.set(answer.project);
      });
    // A project stays in its country.
    effect(() => (this.loaded() ? this.form.controls.country.disable() : this.form.controls.country.enable()));
  }

  protected addParticipant(): void {
    this.form.controls.participants.push(participantGroup());
  }

  protected removeParticipant(index: number): void {
    this.form.controls.participants.removeAt(index);
  }

  protected addSupport(): void {
    this.form.controls.supports.push(supportGroup());
  }

  protected removeSupport(index: number): void {
    this.form.controls.supports.removeAt(index);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const request = requestOf(this.form);
    const loaded = this.loaded();
    const call = loaded ? this.api.update(loaded.id, { ...request, version: loaded.version }) : this.api.create(request);
    this.save.run(
      call,
      (project) => void this.router.navigate(['/projects', project.id]),
      $localize`:@@assistance.form.saveFailed:The project could not be saved.`,
    );
  }
}
