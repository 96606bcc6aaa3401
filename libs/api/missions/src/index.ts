export * from './lib/missions.module';
export * from './lib/missions.service';
export * from './lib/mission-planning.service';
export * from './lib/mission-recommendations.service';
export * from './lib/mission-scope';
export * from './lib/mission-access';
