export * from './lib/consultations.module';
export * from './lib/consultations.service';
export * from './lib/consultation-seed.service';
export * from './lib/consultation-access';
