import iconv from 'iconv-lite';
import { LegacyEncodingDetector } from '../../../src/import/encoding/legacy-encoding.detector';

const verdictOf = (bytes: Buffer) => {
  const detector = new LegacyEncodingDetector();
  detector.push(bytes);
  return detector.verdict();
};

describe('legacy encoding detection (for files that are not valid UTF-8)', () => {
  it.each([
    ['Polish', 'Łukasz Żółkiewski;Przędzalnia Łódź;Małgorzata Śliwińska;ąćęłńśźż'],
    ['Czech', 'Příliš žluťoučký kůň úpěl ďábelské ódy; Čeněk Řehoř'],
  ])('reads %s text as Windows-1250', (_language, text) => {
    expect(verdictOf(iconv.encode(text, 'windows-1250'))).toEqual({ kind: 'legacy', encoding: 'windows-1250' });
  });

  it.each([
    ['French', 'Hélène Mercier;Crème brûlée à la française;Noël;Garçon'],
    ['German', 'Jürgen Müller;Straße;Größe;Äpfel'],
  ])('reads %s text as Windows-1252', (_language, text) => {
    expect(verdictOf(iconv.encode(text, 'windows-1252'))).toEqual({ kind: 'legacy', encoding: 'windows-1252' });
  });

  it('calls a file that is mostly valid UTF-8 damaged UTF-8, not a code page', () => {
    const bytes = Buffer.concat([Buffer.from('Zofia;Wójcik;Gdańsk;Łódź\n'), Buffer.from([0xc3, 0x28])]);
    expect(verdictOf(bytes)).toEqual({ kind: 'damaged-utf-8' });
  });

  it('calls a file with control bytes not text (e.g. UTF-16 without a byte order mark)', () => {
    expect(verdictOf(Buffer.from('Imię;Nazwisko\n', 'utf16le'))).toEqual({ kind: 'not-text' });
  });

  it('sees a sequence split across chunks the same as whole', () => {
    const detector = new LegacyEncodingDetector();
    const bytes = Buffer.from('Wójcik Łódź Gdańsk');
    detector.push(bytes.subarray(0, 2));
    detector.push(bytes.subarray(2));
    detector.push(Buffer.from([0xff]));
    expect(detector.verdict()).toEqual({ kind: 'damaged-utf-8' });
  });
});
