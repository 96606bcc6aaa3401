import { PREPARATION_GRADES, type PreparationGrade, PROGRESS_GRADES, type ProgressGrade } from '@bt/workflow';

/*
 * The Commission's assessment scales in the Commission's own words, in-between grades included.
 * Records over the workflow's grade types: a grade added to the scale fails the build here until
 * it has its words.
 */
const PREPARATION_LABELS: Record<PreparationGrade, string> = {
  early_stage: $localize`:State of preparation@@assessment.preparation.early_stage:Early stage`,
  early_stage_to_some: $localize`:State of preparation, between two grades@@assessment.preparation.early_stage_to_some:Early stage to some level of preparation`,
  some_level: $localize`:State of preparation@@assessment.preparation.some_level:Some level of preparation`,
  some_to_moderate: $localize`:State of preparation, between two grades@@assessment.preparation.some_to_moderate:Some level of preparation to moderately prepared`,
  moderately_prepared: $localize`:State of preparation@@assessment.preparation.moderately_prepared:Moderately prepared`,
  moderate_to_good: $localize`:State of preparation, between two grades@@assessment.preparation.moderate_to_good:Moderately prepared to good level of preparation`,
  good_level: $localize`:State of preparation@@assessment.preparation.good_level:Good level of preparation`,
  good_to_well_advanced: $localize`:State of preparation, between two grades@@assessment.preparation.good_to_well_advanced:Good level of preparation to well advanced`,
  well_advanced: $localize`:State of preparation@@assessment.preparation.well_advanced:Well advanced`,
};

const PROGRESS_LABELS: Record<ProgressGrade, string> = {
  backsliding: $localize`:Progress in the period@@assessment.progress.backsliding:Backsliding`,
  no_progress: $localize`:Progress in the period@@assessment.progress.no_progress:No progress`,
  limited_progress: $localize`:Progress in the period@@assessment.progress.limited_progress:Limited progress`,
  some_progress: $localize`:Progress in the period@@assessment.progress.some_progress:Some progress`,
  good_progress: $localize`:Progress in the period@@assessment.progress.good_progress:Good progress`,
  very_good_progress: $localize`:Progress in the period@@assessment.progress.very_good_progress:Very good progress`,
};

export interface GradeOption<T extends string> {
  readonly grade: T;
  readonly label: string;
}

/** Every state-of-preparation grade, lowest first, for a select. */
export const PREPARATION_OPTIONS: readonly GradeOption<PreparationGrade>[] = PREPARATION_GRADES.map((grade) => ({
  grade,
  label: PREPARATION_LABELS[grade],
}));

/** Every progress grade, lowest first, for a select. */
export const PROGRESS_OPTIONS: readonly GradeOption<ProgressGrade>[] = PROGRESS_GRADES.map((grade) => ({
  grade,
  label: PROGRESS_LABELS[grade],
}));

export function preparationLabel(grade: string): string {
  return (PREPARATION_LABELS as Record<string, string | undefined>)[grade] ?? grade;
}

export function progressLabel(grade: string): string {
  return (PROGRESS_LABELS as Record<string, string | undefined>)[grade] ?? grade;
}
