import { fileSize } from './file-size';

describe('fileSize', () => {
  afterEach(() => (document.documentElement.lang = ''));

  it('writes the decimal sign of the reader: 2.3 MB in English, 2,3 MB in Serbian', () => {
    document.documentElement.lang = 'en';
    expect(fileSize(2.3 * 1024 * 1024)).toBe('2.3 MB');
    document.documentElement.lang = 'sr-Latn';
    expect(fileSize(2.3 * 1024 * 1024)).toBe('2,3 MB');
    expect(fileSize(50 * 1024 * 1024)).toBe('50 MB');
    expect(fileSize(512)).toBe('512 bytes');
  });
});
