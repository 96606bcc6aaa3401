import type { ActionActivityDto, ActivityStatus, MeDto } from '@bt/contracts';
import { ACTIVITY_STATUSES } from '@bt/contracts/values';

/** The statuses in their order. */
export { ACTIVITY_STATUSES };

export const STATUS_LABELS: Record<ActivityStatus, string> = {
  planned: $localize`:Status of an Action Plan activity@@actionPlan.status.planned:Planned`,
  in_progress: $localize`:Status of an Action Plan activity@@actionPlan.status.inProgress:In progress`,
  completed: $localize`:Status of an Action Plan activity@@actionPlan.status.completed:Completed`,
};

/* These mirror the API's rules so that nobody is offered a button whose request would be refused; the API still decides. */

/** The ministry of the activity's country updates it and notes its progress. */
export function mayUpdateActivity(me: MeDto | null, activity: ActionActivityDto): boolean {
  return !!me && me.organisation.country === activity.country && me.roles.some((r) => r.role === 'ministry');
}

/** The ministry of the country or the Commission decides corrective measures, on late activities only. */
export function mayDecideMeasures(me: MeDto | null, activity: Pick<ActionActivityDto, 'country'>): boolean {
  return (
    !!me && (me.roles.some((r) => r.role === 'commission') || (me.organisation.country === activity.country && me.roles.some((r) => r.role === 'ministry')))
  );
}

/** The ministry plans its own country's activities (the API checks the benchmark's country). */
export function mayPlanActivities(me: MeDto | null): boolean {
  return !!me?.organisation.country && me.roles.some((r) => r.role === 'ministry');
}
