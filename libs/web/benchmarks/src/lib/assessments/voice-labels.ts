import type { AssessmentVoice } from '@bt/contracts';
import { ASSESSMENT_VOICES } from '@bt/contracts/values';

/* Whose assessment it is, in words; a Record over the contract's voices, so a new voice needs its words here. */
const VOICE_LABELS: Record<AssessmentVoice, string> = {
  commission: $localize`:The Commission's own assessment of a benchmark@@assessmentVoice.commission:Commission assessment`,
  ministry: $localize`:The ministry's assessment of its own benchmark@@assessmentVoice.ministry:Ministry self-assessment`,
  civil_society: $localize`:A civil-society organisation's own assessment of a benchmark@@assessmentVoice.civil_society:Shadow assessment`,
};

export { ASSESSMENT_VOICES };

export function voiceLabel(voice: AssessmentVoice): string {
  return VOICE_LABELS[voice] ?? voice;
}
