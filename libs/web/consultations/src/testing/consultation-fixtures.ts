import type { ConsultationDto, ConsultationOrganisationDto, ConsultationReplyDto } from '@bt/contracts';

/** Consultation answers as the API gives them, for unit tests: two recipients, a reply, a consultation. */
export const ALBANIA: ConsultationOrganisationDto = { id: 'o-al', name: 'Albania, Ministry of Interior', kind: 'ministry', countryCode: 'AL' };
export const SERBIA: ConsultationOrganisationDto = { id: 'o-rs', name: 'Serbia, Ministry of Justice', kind: 'ministry', countryCode: 'RS' };

/** A reply sent to question q1. */
export function reply(id: string, organisation: ConsultationOrganisationDto, text: string): ConsultationReplyDto {
  return {
    id,
    questionId: 'q1',
    organisation,
    text,
    status: 'sent',
    sentAt: '2026-04-20T10:00:00.000Z',
    author: 'A',
    updatedAt: '2026-04-20T10:00:00.000Z',
    files: [],
  };
}

/** Consultation c1 to Albania and Serbia, published, whose deadline has passed; its topics are the test's. */
export function consultation(overrides: Partial<ConsultationDto> = {}): ConsultationDto {
  return {
    id: 'c1',
    title: 'Reception capacity',
    reference: '',
    state: 'published',
    deadline: '2026-05-01T10:00:00.000Z',
    publishedAt: '2026-06-01T10:00:00.000Z',
    recipientCount: 2,
    questionCount: 1,
    introduction: '',
    version: 5,
    recipients: [ALBANIA, SERBIA],
    isRecipient: false,
    acceptingReplies: false,
    availableEvents: [],
    topics: [],
    ...overrides,
  };
}
