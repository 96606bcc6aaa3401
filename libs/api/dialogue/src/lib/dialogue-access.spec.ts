import type { BenchmarkScope } from '@bt/api/catalogue';
import { viewerWith } from '@bt/api/identity/testing';
import { mayAnswer, mayPropose, mayReply, seesDialogue, takesPart } from './dialogue-access';

const serbian: BenchmarkScope = { id: 'b', code: 'RS-24-MIG-01', countryCode: 'RS', state: 'draft', version: 1 };
const viewer = viewerWith;

describe('the dialogue on a benchmark', () => {
  it("is seen by the country's ministry and civil society, the Commission and the mission's experts", () => {
    expect(seesDialogue(viewer(['civil_society'], 'RS'), serbian, false)).toBe(true);
    expect(seesDialogue(viewer(['ministry'], 'RS'), serbian, false)).toBe(true);
    expect(seesDialogue(viewer(['commission'], null), serbian, false)).toBe(true);
    expect(seesDialogue(viewer(['expert'], null), serbian, true)).toBe(true);
  });

  it('is seen by admins, who moderate it, without their taking part', () => {
    expect(seesDialogue(viewer(['admin'], null), serbian, false)).toBe(true);
    expect(takesPart(viewer(['admin'], null), serbian, false)).toBe(false);
  });

  it('is not seen by other countries, experts of other missions or the public', () => {
    expect(seesDialogue(viewer(['civil_society'], 'AL'), serbian, false)).toBe(false);
    expect(seesDialogue(viewer(['ministry'], 'AL'), serbian, false)).toBe(false);
    expect(seesDialogue(viewer(['expert'], null), serbian, false)).toBe(false);
    expect(seesDialogue(null, serbian, false)).toBe(false);
  });

  it("takes proposals from the country's civil society and the Commission only; replies from its ministry too", () => {
    expect(mayPropose(viewer(['civil_society'], 'RS'), serbian)).toBe(true);
    expect(mayPropose(viewer(['commission'], null), serbian)).toBe(true);
    expect(mayPropose(viewer(['ministry'], 'RS'), serbian)).toBe(false);
    expect(mayPropose(viewer(['civil_society'], 'AL'), serbian)).toBe(false);
    expect(mayReply(viewer(['ministry'], 'RS'), serbian)).toBe(true);
    expect(mayReply(viewer(['ministry'], 'AL'), serbian)).toBe(false);
    expect(mayReply(viewer(['expert'], null), serbian)).toBe(false);
  });

  it("is answered by the country's ministry only", () => {
    expect(mayAnswer(viewer(['ministry'], 'RS'), serbian)).toBe(true);
    expect(mayAnswer(viewer(['ministry'], 'AL'), serbian)).toBe(false);
    expect(mayAnswer(viewer(['civil_society'], 'RS'), serbian)).toBe(false);
    expect(mayAnswer(viewer(['commission'], null), serbian)).toBe(false);
  });
});
