import type { ActionActivityDto, MeDto, Role } from '@bt/contracts';
import { mayDecideMeasures, mayPlanActivities, mayUpdateActivity } from './action-plan-labels';

const me = (role: Role, country: string | null) => ({ organisation: { country }, roles: [{ role, coordinator: false }] }) as unknown as MeDto;
const serbian = { country: 'RS' } as ActionActivityDto;

describe('who is offered which Action Plan buttons', () => {
  it('offers updates and notes to the ministry of the activity country only', () => {
    expect(mayUpdateActivity(me('ministry', 'RS'), serbian)).toBe(true);
    expect(mayUpdateActivity(me('ministry', 'AL'), serbian)).toBe(false);
    expect(mayUpdateActivity(me('commission', null), serbian)).toBe(false);
    expect(mayUpdateActivity(null, serbian)).toBe(false);
  });

  it('offers corrective measures to that ministry and to the Commission', () => {
    expect(mayDecideMeasures(me('ministry', 'RS'), serbian)).toBe(true);
    expect(mayDecideMeasures(me('commission', null), serbian)).toBe(true);
    expect(mayDecideMeasures(me('civil_society', 'RS'), serbian)).toBe(false);
    expect(mayDecideMeasures(me('expert', null), serbian)).toBe(false);
  });
});

describe('who is offered "Add activity"', () => {
  it('is the ministry of a country, nobody else', () => {
    expect(mayPlanActivities(me('ministry', 'RS'))).toBe(true);
    expect(mayPlanActivities(me('commission', null))).toBe(false);
    expect(mayPlanActivities(me('civil_society', 'RS'))).toBe(false);
    expect(mayPlanActivities(null)).toBe(false);
  });
});
