import iconv from 'iconv-lite';
import { DEFAULT_IMPORT_LIMITS } from '../../../src/import/import.limits';
import { RecordXmlReader } from '../../../src/import/xml/record-xml.reader';
import { cellsOf, readAll, scratchFiles } from '../support/files';

describe('the record XML reader', () => {
  const files = scratchFiles('crm-xml-');
  afterAll(() => files.remove());
  const read = (xml: string | Buffer) => readAll(new RecordXmlReader(files.write(xml, 'xml'), null, DEFAULT_IMPORT_LIMITS));

  it('reads each child of the root as a record: attributes, child elements, nested paths and repeats', async () => {
    const records = await read(`<?xml version="1.0" encoding="UTF-8"?>
<contacts>
  <contact id="7"><firstName>Anna</firstName><lastName>Nowak &amp; Syn</lastName><phone>1</phone><phone>2</phone>
    <address><city>Łódź</city><country>Polska</country></address></contact>
  <contact><firstName><![CDATA[Jan <Janek>]]></firstName><lastName>Kowalski</lastName></contact>
</contacts>`);
    expect(records.map((record) => record.row)).toEqual([1, 2]);
    expect(cellsOf(records[0])).toEqual({
      id: '7',
      firstName: 'Anna',
      lastName: 'Nowak & Syn',
      phone: '1',
      'phone (2)': '2',
      'address.city': 'Łódź',
      'address.country': 'Polska',
    });
    expect(cellsOf(records[1])).toEqual({ firstName: 'Jan <Janek>', lastName: 'Kowalski' });
  });

  it('reads a file in the encoding its XML declaration names', async () => {
    const xml = iconv.encode('<?xml version="1.0" encoding="windows-1250"?><a><r><name>Łukasz</name></r></a>', 'windows-1250');
    expect(cellsOf((await read(xml))[0])).toEqual({ name: 'Łukasz' });
  });

  it('refuses XML that is not well-formed, saying so', async () => {
    await expect(read('<contacts><contact><name>Anna</contact></contacts>')).rejects.toThrow(/not well-formed XML/u);
  });

  it('refuses a text longer than the limit before a parser holds it', async () => {
    const reader = new RecordXmlReader(files.write(`<a><r><n>${'x'.repeat(5000)}</n></r></a>`, 'xml'), null, {
      ...DEFAULT_IMPORT_LIMITS,
      maxCellChars: 1000,
    });
    await expect(readAll(reader)).rejects.toThrow(/holds a text or tag longer than 4000 bytes/u);
  });
});
