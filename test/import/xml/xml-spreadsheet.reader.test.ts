import { join } from 'node:path';
import { DEFAULT_IMPORT_LIMITS } from '../../../src/import/import.limits';
import { XmlSpreadsheetReader } from '../../../src/import/xml/xml-spreadsheet.reader';
import { FIXTURES } from '../support/import-harness';
import { cellsOf, readAll, scratchFiles } from '../support/files';

const workbook = (rows: string) => `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">
 <Worksheet ss:Name="Accounts"><Table>${rows}</Table></Worksheet>
 <Worksheet ss:Name="Other"><Table><Row><Cell><Data ss:Type="String">Name</Data></Cell></Row><Row><Cell><Data ss:Type="String">Second sheet</Data></Cell></Row></Table></Worksheet>
</Workbook>`;
const header =
  '<Row><Cell><Data ss:Type="String">Name</Data></Cell><Cell><Data ss:Type="String">Notes</Data></Cell><Cell><Data ss:Type="String">Since</Data></Cell></Row>';

describe('the XML Spreadsheet 2003 reader', () => {
  const files = scratchFiles('crm-xmlss-');
  afterAll(() => files.remove());
  const read = (rows: string) => readAll(new XmlSpreadsheetReader(files.write(workbook(rows), 'xml'), null, DEFAULT_IMPORT_LIMITS));

  it('puts a cell at its ss:Index and numbers rows by their ss:Index', async () => {
    const records = await readAll(new XmlSpreadsheetReader(join(FIXTURES, 'accounts-spreadsheet2003.xml'), null, DEFAULT_IMPORT_LIMITS));
    expect(cellsOf(records[1])).toEqual({
      'Account Name': 'Fabrikam & Sons',
      'Account Number': 'ACC-1002',
      Website: 'https://fabrikam.example',
      'Address 1: City': 'Zürich',
      'Address 1: Country/Region': 'Switzerland',
      'Number of Employees': 85,
    });
    const sparse = await read(`${header}<Row ss:Index="5"><Cell><Data ss:Type="String">Anna</Data></Cell></Row>`);
    expect(sparse.map((record) => record.row)).toEqual([5]);
  });

  it('joins the parts of formatted text and leaves comments out', async () => {
    const [record] = await read(
      `${header}<Row><Cell><Data ss:Type="String">Anna</Data></Cell><Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>Very</B> <Font html:Color="#FF0000">important</Font></ss:Data><Comment><Data>a reviewer’s remark</Data></Comment></Cell></Row>`,
    );
    expect(cellsOf(record)).toEqual({ Name: 'Anna', Notes: 'Very important' });
  });

  it('reads typed data: numbers, dates (as written, without a time zone shift) and yes/no', async () => {
    const [record] = await read(
      `${header}<Row><Cell><Data ss:Type="Number">12.5</Data></Cell><Cell><Data ss:Type="Boolean">1</Data></Cell><Cell><Data ss:Type="DateTime">2024-05-17T00:00:00.000</Data></Cell></Row>`,
    );
    expect(cellsOf(record)).toEqual({ Name: 12.5, Notes: true, Since: new Date(Date.UTC(2024, 4, 17)) });
  });

  it('moves past cells merged across with ss:MergeAcross', async () => {
    const [record] = await read(
      `${header}<Row><Cell ss:MergeAcross="1"><Data ss:Type="String">Anna</Data></Cell><Cell><Data ss:Type="String">2020</Data></Cell></Row>`,
    );
    expect(cellsOf(record)).toEqual({ Name: 'Anna', Since: '2020' });
  });

  it('reads the first worksheet only', async () => {
    expect((await read(`${header}<Row><Cell><Data ss:Type="String">Anna</Data></Cell></Row>`)).map(cellsOf)).toEqual([{ Name: 'Anna' }]);
  });
});
