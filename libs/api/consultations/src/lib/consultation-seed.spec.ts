import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsultationSeed } from './consultation-seed.service';

// The 2020 consultation of the seed is the Council note's own words: every question and summary verbatim.
const root = join(__dirname, '../../../../..');
const note = readFileSync(join(root, 'seeds/sources/001_6408319e66e9c84f.txt'), 'utf8');
const seed = JSON.parse(readFileSync(join(root, 'seeds/consultations/2020-wb-home-affairs.json'), 'utf8')) as ConsultationSeed;

describe('the 2020 written consultation seed', () => {
  it('has the three Home Affairs topics and the six partners as recipients', () => {
    expect(seed.topics.map((t) => t.title)).toEqual([
      'ASYLUM RECEPTION CAPACITY, IRREGULAR MIGRATION',
      'COOPERATION IN THE FIGHT AGAINST TERRORISM AND PREVENTION OF RADICALISATION',
      'ORGANISED CRIME',
    ]);
    expect(seed.topics.map((t) => t.questions.length)).toEqual([5, 3, 7]);
    expect(seed.recipients.map((r) => r.country)).toEqual(['AL', 'BA', 'XK', 'ME', 'MK', 'RS']);
  });

  it.each(seed.topics.flatMap((t) => t.questions.map((q) => [q.text.slice(0, 60), q] as const)))(
    'question "%s…" and its summary occur verbatim in the note',
    (_text, question) => {
      expect(note).toContain(question.text);
      expect(question.summary.length).toBeGreaterThan(100);
      for (const paragraph of question.summary.split('\n\n')) expect(note).toContain(paragraph);
    },
  );

  it('cites the partners each summary names', () => {
    const first = seed.topics[0].questions[0];
    expect(first.cited).toEqual(['AL', 'BA', 'XK']);
    expect(seed.topics[2].questions[6].cited).toEqual(['BA', 'RS']);
  });
});
