import { fileNameProblem } from './file-name';

describe('fileNameProblem', () => {
  it('accepts plain names, with accents, dots and percent signs', () => {
    for (const name of ['letter.pdf', 'lettre d’appui – été.pdf', '.pdf', 'a..b.pdf', '%2e%2e%2fx.pdf', 'CON', undefined]) {
      expect(fileNameProblem(name)).toBeNull();
    }
  });

  it('refuses a name with a path, a parent reference or a control character', () => {
    for (const name of ['../../etc/passwd', '..\\..\\win.ini', '/etc/passwd', 'C:\\x\\y.pdf', 'a/b.pdf', '..', '.']) {
      expect(fileNameProblem(name)).toBe('must be a plain file name, without a path');
    }
    expect(fileNameProblem('letter.pdf\u0000.exe')).toBe('must be a file name without control characters');
    expect(fileNameProblem('two\nlines.pdf')).toBe('must be a file name without control characters');
  });
});
