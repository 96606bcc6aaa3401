import { HttpClient, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { BenchmarkDetailDto, ProjectDto } from '@bt/contracts';
import { loadEach, LOADING } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';

/** A project as the Support tab shows it: who funds and implements it, and how it supports this benchmark. */
export interface SupportItem {
  id: string;
  title: string;
  funders: string;
  implementers: string;
  /** The sentences of its links to this benchmark (perhaps naming a sub-requirement). */
  how: { text: string; subRequirement: string | null }[];
}

export function supportItems(projects: ProjectDto[], benchmarkCode: string): SupportItem[] {
  const names = (project: ProjectDto, role: string) =>
    project.participants
      .filter((p) => p.role === role)
      .map((p) => p.name)
      .join('; ');
  return projects.map((project) => ({
    id: project.id,
    title: project.title,
    funders: names(project, 'funding'),
    implementers: names(project, 'implementing'),
    how: project.supports.filter((s) => s.benchmark.code === benchmarkCode).map((s) => ({ text: s.how, subRequirement: s.subRequirement?.code ?? null })),
  }));
}

/** The Support tab of a benchmark: the assistance projects that support it, public, each with the sentence on how. */
@Component({
  selector: 'bt-support-tab',
  imports: [RouterLink, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="section" aria-labelledby="support-title">
      <h2 id="support-title" i18n="@@benchmark.support.heading">Assistance projects supporting it</h2>
      @if (projects().loading) {
        <mat-progress-bar mode="indeterminate" i18n-aria-label="@@benchmark.support.loading" aria-label="Loading the projects" />
      }
      @if (projects().error) {
        <p class="error" role="alert">
          <ng-container i18n="@@benchmark.support.error">The projects could not be loaded.</ng-container>
          {{ errorDetail() }}
        </p>
      } @else if (projects().value && !items().length) {
        <p i18n="@@benchmark.support.empty">No assistance project is linked to this benchmark yet.</p>
      } @else {
        <ul class="support-list">
          @for (item of items(); track item.id) {
            <li class="support-item" [attr.data-project]="item.title">
              <h3>
                <a [routerLink]="['/projects', item.id]">{{ item.title }}</a>
              </h3>
              @for (how of item.how; track $index) {
                <p class="support-how">
                  @if (how.subRequirement) {
                    <span class="support-sub">{{ how.subRequirement }}:</span>
                  }
                  {{ how.text }}
                </p>
              }
              <dl class="support-who">
                @if (item.funders) {
                  <div>
                    <dt i18n="@@benchmark.support.funders">Funded by</dt>
                    <dd>{{ item.funders }}</dd>
                  </div>
                }
                @if (item.implementers) {
                  <div>
                    <dt i18n="@@benchmark.support.implementers">Implemented by</dt>
                    <dd>{{ item.implementers }}</dd>
                  </div>
                }
              </dl>
            </li>
          }
        </ul>
      }
      <p><a routerLink="/projects" i18n="@@benchmark.support.all">All assistance projects</a></p>
    </section>
  `,
  styles: `
    .support-list {
      list-style: none;
      padding: 0;
    }
    .support-item {
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      padding: 0.5rem 0;
    }
    .support-item h3 {
      margin: 0 0 0.25rem;
      font-size: 1.05rem;
    }
    .support-sub {
      font-weight: 500;
    }
    .support-who div {
      display: flex;
      gap: 0.5rem;
    }
    .support-who dt {
      font-weight: 500;
    }
    .support-who dd {
      margin: 0;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class SupportTab {
  readonly benchmark = input.required<BenchmarkDetailDto>();
  private readonly http = inject(HttpClient);

  protected readonly projects = toSignal(
    toObservable(computed(() => this.benchmark().code)).pipe(
      loadEach((code: string) => this.http.get<ProjectDto[]>('/api/projects', { params: new HttpParams().set('benchmark', code) })),
    ),
    { initialValue: LOADING },
  );
  protected readonly items = computed(() => supportItems(this.projects().value ?? [], this.benchmark().code));
  protected readonly errorDetail = computed(() => {
    const error = this.projects().error;
    return error ? apiErrorMessage(error) : null;
  });
}
