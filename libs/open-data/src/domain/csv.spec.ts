import { centsToDollars, csvCell, toCsv } from './csv';

describe('CSV for open data', () => {
  it('quotes cells with commas, quotes and line breaks, and leaves others alone', () => {
    expect(csvCell('Soins de santé')).toBe('Soins de santé');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('starts with a byte order mark, then the header, with CRLF line ends', () => {
    expect(toCsv(['Titre', 'Heures'], [['Sécurité, réseau', 60]])).toBe('\ufeffTitre,Heures\r\n"Sécurité, réseau",60\r\n');
  });

  it('writes exact dollars from cents', () => {
    expect(centsToDollars(8_000_000)).toBe('80000.00');
    expect(centsToDollars(5)).toBe('0.05');
    expect(centsToDollars(123_456)).toBe('1234.56');
  });
});
