// Value lists and checks without the request classes' decorators: the web app imports them through
// '@bt/contracts/values', so class-validator stays out of its bundle. The API reads them through '@bt/contracts'.
/** The kinds of crime and migration a track record counts (the chapter's areas in the Commission's words). */
export const TRACK_RECORD_CATEGORIES = [
  'migrant_smuggling',
  'irregular_migration',
  'asylum',
  'organised_crime',
  'money_laundering',
  'asset_recovery',
  'trafficking_in_human_beings',
  'drugs',
  'firearms',
  'cybercrime',
  'terrorism',
  'corruption',
  'judicial_cooperation',
  'police_cooperation',
  'other',
] as const;
export type TrackRecordCategory = (typeof TRACK_RECORD_CATEGORIES)[number];

/** A period of a track record: a year (`2019`) or a quarter (`2020-Q1`). */
export const TRACK_RECORD_PERIOD = /^\d{4}(-Q[1-4])?$/;

/** The columns of an import sheet, in the template's order (headers are matched case-insensitively). */
export const TRACK_RECORD_COLUMNS = ['series name', 'unit', 'category', 'counting rule', 'period', 'value', 'source', 'note'] as const;
export type TrackRecordColumn = (typeof TRACK_RECORD_COLUMNS)[number];
export const TRACK_RECORD_PERIOD_MESSAGE = 'period must be a year such as 2019 or a quarter such as 2020-Q1';
export const isTrackRecordPeriod = (period: string) => TRACK_RECORD_PERIOD.test(period);
