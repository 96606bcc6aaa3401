import { attachmentDisposition, sanitiseFileName } from './file-name';

describe('uploaded file names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\cmd.exe', 'cmd.exe'],
    ['<script>alert(1)</script>.pdf', 'script_.pdf'],
    ['Izveštaj o radu 2019 (konačni).pdf', 'Izveštaj o radu 2019 (konačni).pdf'],
    ['.hidden', 'hidden'],
    ['', 'document'],
    [undefined, 'document'],
  ])('%s → %s', (name, expected) => {
    expect(sanitiseFileName(name)).toBe(expected);
  });

  it('keeps a download header that no name can break out of', () => {
    const header = attachmentDisposition('a"; filename=evil.html\r\nX: y');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('attachment; filename="a_; filename=evil.html__X: y"')).toBe(true);
    expect(attachmentDisposition('Izveštaj.pdf')).toBe(`attachment; filename="Izve_taj.pdf"; filename*=UTF-8''Izve%C5%A1taj.pdf`);
  });
});
