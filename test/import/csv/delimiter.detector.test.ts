import { detectDelimiter } from '../../../src/import/csv/delimiter.detector';

describe('CSV delimiter detection', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n4,5,6\n'],
    [';', 'Imię;Nazwisko;Firma\nJan;Kowalski;"Firma, Sp. z o.o."\n'],
    ['\t', 'a\tb\tc\n1\t2,5\t3\n'],
    ['|', 'a|b|c\n1|2|3\n'],
  ])('finds %j from the first lines', (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('ignores delimiters inside quoted cells, even cells spanning lines', () => {
    expect(detectDelimiter('"Name","Notes"\n"Anna","a; b; c\nd; e; f"\n"Jan","x"\n')).toBe(',');
  });

  it('prefers the delimiter that splits every record the same way', () => {
    expect(detectDelimiter('Name;City\nNowak, Anna;Łódź\nKowalski, Jan;Kraków\n')).toBe(';');
  });

  it('takes the comma for a file of one column', () => {
    expect(detectDelimiter('Name\nAnna\nJan\n')).toBe(',');
  });
});
