export * from './lib/assessments.module';
export * from './lib/assessments.service';
export * from './lib/chapter-assessments.service';
export * from './lib/assessments-demo.service';
export * from './lib/assessment-voices';
