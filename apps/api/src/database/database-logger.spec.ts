import { Logger } from '@nestjs/common';
import { DatabaseLogger } from './database-logger';

describe('DatabaseLogger', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs a failed statement and its error, never its parameters', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    new DatabaseLogger().logQueryError(new Error('null value in column "title"'), 'INSERT INTO evidence_item\n  (title, narrative) VALUES ($1, $2)', [
      null,
      'Internal: the 2025 figures are not final',
    ]);
    new DatabaseLogger().logQuerySlow(1200, 'SELECT * FROM evidence_item WHERE narrative = $1', ['secret narrative']);
    const written = warn.mock.calls.map((call) => String(call[0]));
    expect(written[0]).toBe('query failed: INSERT INTO evidence_item (title, narrative) VALUES ($1, $2) — null value in column "title"');
    expect(written[1]).toContain('query took 1200 ms');
    expect(written.join('\n')).not.toMatch(/Internal: the 2025|secret narrative/);
  });
});
