import type { ConsultationEventType, ConsultationState } from '@bt/workflow';

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

/** A `datetime-local` input's value (local time) as an ISO instant, or undefined when empty. */
export function localToIso(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}

/** An ISO instant as a `datetime-local` input's value (local time). */
export function isoToLocal(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
