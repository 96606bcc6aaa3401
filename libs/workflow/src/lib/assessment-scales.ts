/**
 * The Commission's usual scales. In-between grades ("some to moderate") are their own steps, so a
 * grade is one value and grades stay comparable and chartable.
 */
export const PREPARATION_GRADES = [
  'early_stage',
  'early_stage_to_some',
  'some_level',
  'some_to_moderate',
  'moderately_prepared',
  'moderate_to_good',
  'good_level',
  'good_to_well_advanced',
  'well_advanced',
] as const;
export type PreparationGrade = (typeof PREPARATION_GRADES)[number];

export const PROGRESS_GRADES = ['backsliding', 'no_progress', 'limited_progress', 'some_progress', 'good_progress', 'very_good_progress'] as const;
export type ProgressGrade = (typeof PROGRESS_GRADES)[number];
