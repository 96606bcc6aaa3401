export * from './lib/missions.module';
export * from './lib/missions.service';
export * from './lib/uploaded-file';
export * from './lib/mission-scope';
