// The contracts' value lists, their types and the checks on them, without the request classes and
// their decorators: the web app imports values from here (class-validator and class-transformer stay
// out of its bundle) and types from '@bt/contracts' (`import type`, erased when compiled).
export * from './lib/action-plan.values';
export * from './lib/assistance.values';
export * from './lib/dialogue.values';
export * from './lib/identity.values';
export * from './lib/missions.values';
export * from './lib/report.values';
export * from './lib/search.values';
export * from './lib/track-records.values';
export * from './lib/workflow.values';
export * from './lib/calendar-days';
export * from './lib/notification-kinds';
export * from './lib/live.dto';
export * from './lib/page';
export * from './lib/refusals';
