import { join } from 'node:path';
import iconv from 'iconv-lite';
import { DEFAULT_IMPORT_LIMITS } from '../../../src/import/import.limits';
import { VCardReader } from '../../../src/import/vcard/vcard.reader';
import { FIXTURES } from '../support/import-harness';
import { cellsOf, readAll, scratchFiles } from '../support/files';

describe('the vCard reader', () => {
  const files = scratchFiles('crm-vcard-');
  afterAll(() => files.remove());
  const read = (text: string | Buffer) => readAll(new VCardReader(files.write(text, 'vcf'), 'utf-8', DEFAULT_IMPORT_LIMITS));

  it('decodes QUOTED-PRINTABLE values in their charset, joining soft line breaks (vCard 2.1)', async () => {
    const [first] = await readAll(new VCardReader(join(FIXTURES, 'contacts.vcf'), 'utf-8', DEFAULT_IMPORT_LIMITS));
    expect(cellsOf(first)).toMatchObject({
      'Last Name': 'Wiśniewska',
      'First Name': 'Katarzyna',
      Company: 'Przetwórnia Owoców Sad',
      'Business Phone': '+48 81 555 12 12',
      'E-mail Address': 'k.wisniewska@sad.example',
      'Business City': 'Lublin',
      Notes: 'Pierwsza linia\nDruga linia, bardzo długa notatka',
    });
  });

  it('reads several cards, numbering them', async () => {
    const records = await readAll(new VCardReader(join(FIXTURES, 'contacts.vcf'), 'utf-8', DEFAULT_IMPORT_LIMITS));
    expect(records.map((record) => [record.row, cellsOf(record)['Full Name']])).toEqual([
      [1, 'Katarzyna Wiśniewska'],
      [2, 'Jordan Smith'],
    ]);
  });

  it('decodes a QUOTED-PRINTABLE value in a Windows code page', async () => {
    const qp = [...iconv.encode('Łódź', 'windows-1250')].map((byte) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    const [card] = await read(
      `BEGIN:VCARD\r\nVERSION:2.1\r\nN:Nowak;Anna\r\nADR;HOME;CHARSET=windows-1250;ENCODING=QUOTED-PRINTABLE:;;;${qp};;;\r\nEND:VCARD\r\n`,
    );
    expect(cellsOf(card)).toMatchObject({ 'Home City': 'Łódź' });
  });

  it('unfolds folded lines and undoes escapes (vCard 3.0)', async () => {
    const [card] = await read(
      'BEGIN:VCARD\nVERSION:3.0\nN:Kowalski;Jan;;;\nNOTE:Kupuje jabłka\\, gruszki\\; i śliwki.\\nPłaci\n  w terminie.\nORG:Sad\\, Spółka Jawna;Zakupy\nEND:VCARD\n',
    );
    expect(cellsOf(card)).toMatchObject({
      Notes: 'Kupuje jabłka, gruszki; i śliwki.\nPłaci w terminie.',
      Company: 'Sad, Spółka Jawna',
      Department: 'Zakupy',
    });
  });

  it('reads vCard 4.0 telephone URIs and types', async () => {
    const [card] = await read(
      'BEGIN:VCARD\nVERSION:4.0\nFN:Ewa Lis\nN:Lis;Ewa;;;\nTEL;VALUE=uri;TYPE="cell,voice":tel:+48-600-100-200\nTEL;TYPE=work:+48 22 100 20 30\nEND:VCARD\n',
    );
    expect(cellsOf(card)).toMatchObject({ 'Mobile Phone': '+48-600-100-200', 'Business Phone': '+48 22 100 20 30' });
  });

  it('skips a photo without holding it, and names properties it does not know by their name', async () => {
    const photo = `PHOTO;ENCODING=b;TYPE=JPEG:${'A'.repeat(70)}\n${' QUFB\n'.repeat(200)}`;
    const [card] = await read(`BEGIN:VCARD\nVERSION:3.0\nN:Lis;Ewa\n${photo}X-SKYPE:ewa.lis\nEND:VCARD\n`);
    expect(cellsOf(card)).toEqual({ 'Last Name': 'Lis', 'First Name': 'Ewa', 'X-SKYPE': 'ewa.lis' });
  });

  it('keeps a card that does not end, with that as its problem', async () => {
    const records = await read('BEGIN:VCARD\nVERSION:3.0\nN:Lis;Ewa\n');
    expect(records).toEqual([expect.objectContaining({ row: 1, problems: ['the card has no END:VCARD'] })]);
  });
});
