import { calendarDayOf } from '@bt/contracts/values';
import type { ConsultationEventType, ConsultationState } from '@bt/workflow';
import { timeOfDay } from '@bt/web/ui/dates';

/** The words for a consultation's state. */
export function consultationStateLabel(state: ConsultationState): string {
  switch (state) {
    case 'draft':
      return $localize`:State of a written consultation@@consultations.state.draft:Draft`;
    case 'open':
      return $localize`:State of a written consultation@@consultations.state.open:Open for replies`;
    case 'closed':
      return $localize`:State of a written consultation@@consultations.state.closed:Closed`;
    case 'summarised':
      return $localize`:State of a written consultation@@consultations.state.summarised:Summarised`;
    case 'published':
      return $localize`:State of a written consultation@@consultations.state.published:Published`;
  }
}

/** The words on the button of each consultation event. */
export function consultationEventLabel(event: ConsultationEventType): string {
  switch (event) {
    case 'OPEN':
      return $localize`:Action on a written consultation@@consultations.event.open:Open for replies`;
    case 'RETURN_TO_DRAFT':
      return $localize`:Action on a written consultation@@consultations.event.returnToDraft:Return to draft`;
    case 'CLOSE':
      return $localize`:Action on a written consultation@@consultations.event.close:Close`;
    case 'REOPEN':
      return $localize`:Action on a written consultation@@consultations.event.reopen:Reopen`;
    case 'SUMMARISE':
      return $localize`:Action on a written consultation@@consultations.event.summarise:Mark as summarised`;
    case 'PUBLISH':
      return $localize`:Action on a written consultation@@consultations.event.publish:Publish`;
  }
}

/** A deadline as its date and time fields hold it: the day (YYYY-MM-DD) and the time (HH:mm), where the reader is. */
export interface LocalDeadline {
  day: string;
  time: string;
}

/** The day and time typed, in the reader's time zone, as an ISO instant; undefined unless both are there. */
export function localToIso({ day, time }: LocalDeadline): string | undefined {
  return day && time ? new Date(`${day}T${time}`).toISOString() : undefined;
}

/** An ISO instant as the day and time the reader's fields show. */
export function isoToLocal(iso: string | null): LocalDeadline {
  if (!iso) return { day: '', time: '' };
  const d = new Date(iso);
  return { day: calendarDayOf(d), time: timeOfDay(d) };
}
