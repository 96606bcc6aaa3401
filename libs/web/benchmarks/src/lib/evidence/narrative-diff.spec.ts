import { narrativeDiff } from './narrative-diff';

describe('narrativeDiff', () => {
  it('marks the words added and removed between two versions', () => {
    expect(narrativeDiff('Adopted in March 2025.', 'Adopted in April 2025.')).toEqual([
      { text: 'Adopted in ', change: 'same' },
      { text: 'March', change: 'removed' },
      { text: 'April', change: 'added' },
      { text: ' 2025.', change: 'same' },
    ]);
  });

  it('is one unchanged part when nothing changed', () => {
    expect(narrativeDiff('Same text', 'Same text')).toEqual([{ text: 'Same text', change: 'same' }]);
  });
});
