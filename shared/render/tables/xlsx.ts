/**
 * A small XLSX (SpreadsheetML) writer: worksheets of text and number cells, bold rows and column
 * widths, which is all the rankings need. It replaces exceljs (and its jszip, bluebird, unzipper)
 * in the scores bundle; the tests read its files back with exceljs.
 */
import { zip } from '../zip';

export type Cell = string | number;

export interface SheetRow {
  cells: readonly Cell[];
  bold?: boolean;
}

export interface Sheet {
  /** Excel allows 31 characters and none of : \ / ? * [ ]. */
  name: string;
  rows: readonly SheetRow[];
  /** Column widths in characters, by 1-based column number. */
  widths?: Readonly<Record<number, number>>;
}

export interface Workbook {
  sheets: readonly Sheet[];
  creator?: string;
  created?: Date;
}

const xmlHeader = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const packageRelNs = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Text as XML character data; characters XML 1.0 forbids are dropped. */
function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** `A`, `B` … `Z`, `AA` … for a 1-based column number. */
function columnName(column: number): string {
  let name = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  }
  return name;
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;

  of(text: string): number {
    this.count++;
    const known = this.index.get(text);
    if (known !== undefined) return known;
    this.index.set(text, this.index.size);
    return this.index.size - 1;
  }

  xml(): string {
    const items = [...this.index.keys()]
      .map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`)
      .join('');
    return `${xmlHeader}<sst xmlns="${mainNs}" count="${this.count}" uniqueCount="${this.index.size}">${items}</sst>`;
  }
}

function sheetXml(sheet: Sheet, strings: SharedStrings): string {
  const widths = Object.entries(sheet.widths ?? {})
    .map(([column, width]) => `<col min="${column}" max="${column}" width="${width}" customWidth="1"/>`)
    .join('');
  const rows = sheet.rows
    .map((row, rowIndex) => {
      const number = rowIndex + 1;
      const style = row.bold ? ' s="1"' : '';
      const cells = row.cells
        .map((cell, columnIndex) => {
          const ref = `${columnName(columnIndex + 1)}${number}`;
          if (typeof cell === 'number' && Number.isFinite(cell))
            return `<c r="${ref}"${style}><v>${cell}</v></c>`;
          return `<c r="${ref}"${style} t="s"><v>${strings.of(String(cell))}</v></c>`;
        })
        .join('');
      return `<row r="${number}">${cells}</row>`;
    })
    .join('');
  return `${xmlHeader}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}">${widths ? `<cols>${widths}</cols>` : ''}<sheetData>${rows}</sheetData></worksheet>`;
}

const styles = `${xmlHeader}<styleSheet xmlns="${mainNs}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The workbook as an .xlsx file's bytes. */
export function writeXlsx(workbook: Workbook): Buffer {
  const strings = new SharedStrings();
  const sheets = workbook.sheets.map((sheet, index) => ({
    name: sheet.name,
    file: `sheet${index + 1}.xml`,
    xml: sheetXml(sheet, strings),
  }));
  const created = (workbook.created ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const contentTypes = `${xmlHeader}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
    .map(
      (sheet) =>
        `<Override PartName="/xl/worksheets/${sheet.file}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join(
      '',
    )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
  const rootRels = `${xmlHeader}<Relationships xmlns="${packageRelNs}"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  const core = `${xmlHeader}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${escapeXml(workbook.creator ?? '')}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created></cp:coreProperties>`;
  const workbookXml = `${xmlHeader}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><sheets>${sheets
    .map(
      (sheet, index) =>
        `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
    )
    .join('')}</sheets></workbook>`;
  const workbookRels = `${xmlHeader}<Relationships xmlns="${packageRelNs}">${sheets
    .map(
      (sheet, index) =>
        `<Relationship Id="rId${index + 1}" Type="${relNs}/worksheet" Target="worksheets/${sheet.file}"/>`,
    )
    .join(
      '',
    )}<Relationship Id="rId${sheets.length + 1}" Type="${relNs}/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="${relNs}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  return zip(
    [
      { name: '[Content_Types].xml', data: contentTypes },
      { name: '_rels/.rels', data: rootRels },
      { name: 'docProps/core.xml', data: core },
      { name: 'xl/workbook.xml', data: workbookXml },
      { name: 'xl/_rels/workbook.xml.rels', data: workbookRels },
      { name: 'xl/styles.xml', data: styles },
      ...sheets.map((sheet) => ({ name: `xl/worksheets/${sheet.file}`, data: sheet.xml })),
      { name: 'xl/sharedStrings.xml', data: strings.xml() },
    ],
    workbook.created,
  );
}
