import type { MissionDetailDto } from '@bt/contracts';

/**
 * What a section of the mission page tells the page after a change it made: the words to show, and
 * the mission as the API answered it (none: the page loads it again, e.g. after a recommendation).
 */
export interface MissionChange {
  readonly notice: string;
  readonly mission?: MissionDetailDto;
}
