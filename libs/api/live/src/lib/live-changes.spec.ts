import { parseChange } from './live-changes';

describe('parseChange', () => {
  it('reads what the triggers announce, and nothing else', () => {
    expect(parseChange('{"event":"41","type":"benchmark","id":"b-1","by":"u-1"}')).toEqual({ event: '41', type: 'benchmark', id: 'b-1', by: 'u-1' });
    // A reminder's notification has no audit event: the inbox signal still counts.
    expect(parseChange('{"event":null,"type":"inbox","id":"u-2","by":null}')).toEqual({ event: '', type: 'inbox', id: 'u-2', by: null });
    expect(parseChange('{"event":null,"type":"benchmark","id":"b-1","by":null}')).toBeNull();
    expect(parseChange('{"event":"1","type":"user","id":"u-1"}')).toBeNull();
    expect(parseChange('not json')).toBeNull();
    expect(parseChange(undefined)).toBeNull();
  });
});
