import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MissionDetailDto } from '@bt/contracts';

/** The benchmarks the mission reviews (each a link to its Mission tab) and its experts. */
@Component({
  selector: 'bt-mission-scope',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../../missions.scss',
  template: `
    <section aria-labelledby="scope-heading">
      <h2 id="scope-heading" i18n="@@missionPage.scope.heading">Scope and experts</h2>
      <ul>
        @for (b of mission().benchmarks; track b.id) {
          <li>
            <a [routerLink]="['/benchmarks', b.code]" [queryParams]="{ tab: 'mission' }">{{ b.code }}</a> {{ b.text }}
          </li>
        }
      </ul>
      <h3 i18n="@@missionPage.experts.heading">Experts</h3>
      @if (mission().experts.length) {
        <ul>
          @for (e of mission().experts; track e.id) {
            <li>
              {{ e.displayName }}
              @if (e.memberState) {
                <span i18n="@@missionPage.expert.memberState">(Member State: {{ e.memberState }})</span>
              }
            </li>
          }
        </ul>
      } @else if (mission().may.edit) {
        <p class="empty" i18n="Empty state of a mission's experts, for the Commission@@missionPage.experts.noneEdit">
          No expert assigned yet. Edit the mission to assign one.
        </p>
      } @else {
        <p class="empty" i18n="@@missionPage.experts.none">No expert assigned.</p>
      }
    </section>
  `,
})
export class MissionScopeSection {
  readonly mission = input.required<MissionDetailDto>();
}
