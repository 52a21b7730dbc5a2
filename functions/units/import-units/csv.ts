import { unitClasses } from '#shared/schemas/units';

/** Header names office staff use in Excel, mapped to our fields; English names work too. */
const headerAliases: Record<string, string> = {
  id: 'id',
  编号: 'id',
  单位编号: 'id',
  name: 'name',
  名称: 'name',
  单位名称: 'name',
  class: 'class',
  类别: 'class',
  单位类别: 'class',
  contact_name: 'contactName',
  信息员: 'contactName',
  contact_phone: 'contactPhone',
  电话: 'contactPhone',
  信息员电话: 'contactPhone',
  contact_email: 'contactEmail',
  邮箱: 'contactEmail',
  信息员邮箱: 'contactEmail',
  head_email: 'headEmail',
  负责人邮箱: 'headEmail',
};

const classAliases: Record<string, string> = { 县市区: 'county', 市直部门: 'department' };

export type CsvRow =
  | { line: number; fields: Record<string, string>; cells: string[] }
  | { line: number; error: string; text: string };

interface CsvRecord {
  /** 1-based number of the physical line the record starts on. */
  line: number;
  cells: string[];
}

/** Whitespace trimmed around a field (outside its quotes), the line break excepted. */
const blank = (char: string | undefined) => char !== undefined && char !== '\n' && /\s/.test(char);

/**
 * One pass over `lines[from…]` as csv-parse read them before (comma-separated, `"` quotes with
 * `""` inside, fields trimmed outside their quotes, empty lines skipped, any number of columns;
 * a few dozen lines instead of csv-parse's 30 KB in the bundle): the records it read, and — when
 * it stopped on a broken record (an unclosed quote, a quote inside an unquoted field, text after
 * a closing quote) — where that record ends up being read from (the line after the last good
 * record).
 */
function parseFrom(lines: string[], from: number): { records: CsvRecord[]; brokenAfter?: number } {
  const text = lines.slice(from).join('\n');
  const records: CsvRecord[] = [];
  const broken = () => ({ records, brokenAfter: lastEnd });
  let lastEnd = from;
  let at = 0;
  // 1-based, within `text`.
  let line = 1;
  while (at < text.length) {
    const startLine = line;
    const cells: string[] = [];
    let quotedAny = false;
    for (;;) {
      while (blank(text[at])) at++;
      let cell = '';
      if (text[at] === '"') {
        quotedAny = true;
        at++;
        for (;;) {
          if (at >= text.length) return broken();
          const char = text[at] as string;
          at++;
          if (char === '"') {
            if (text[at] !== '"') break;
            at++;
          } else if (char === '\n') line++;
          cell += char;
        }
        while (blank(text[at])) at++;
        if (at < text.length && text[at] !== ',' && text[at] !== '\n') return broken();
      } else {
        const start = at;
        while (at < text.length && text[at] !== ',' && text[at] !== '\n') {
          if (text[at] === '"') return broken();
          at++;
        }
        cell = text.slice(start, at).trimEnd();
      }
      cells.push(cell);
      if (text[at] === ',') {
        at++;
        continue;
      }
      break;
    }
    const endLine = line;
    if (text[at] === '\n') {
      at++;
      line++;
    }
    // An empty line is skipped; a line of blanks (Excel's trailing ",,,,") is read but is no row.
    if (cells.length === 1 && cells[0] === '' && !quotedAny) continue;
    lastEnd = from + endLine;
    if (cells.every((cell) => cell === '')) continue;
    records.push({ line: from + startLine, cells });
  }
  return { records };
}

/**
 * Records as a CSV reader reads them, so a quoted field may hold a comma or a line break. A broken
 * record (an unclosed quote) is reported by the line it starts on and never swallows the lines
 * after it: reading resumes on the next line.
 */
function readRecords(lines: string[]): { records: (CsvRecord | { line: number; broken: string })[] } {
  const out: (CsvRecord | { line: number; broken: string })[] = [];
  let from = 0;
  while (from < lines.length) {
    const { records, brokenAfter } = parseFrom(lines, from);
    out.push(...records);
    if (brokenAfter === undefined) break;
    let index = brokenAfter;
    while (index < lines.length && (lines[index] ?? '').trim() === '') index++;
    if (index >= lines.length) break;
    out.push({ line: index + 1, broken: lines[index] ?? '' });
    from = index + 1;
  }
  return { records: out };
}

/** Rows by the line they start on; the header is the first record. */
export function readUnitCsv(text: string): { rows: CsvRow[]; headerError?: string } {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n/g, '\n')
    .split('\n');
  const { records } = readRecords(lines);
  const [first, ...rest] = records;
  if (!first) return { rows: [], headerError: 'CSV 文件为空' };
  if ('broken' in first) return { rows: [], headerError: `第 ${first.line} 行表头无法解析` };
  const header = first.cells.map((name) => headerAliases[name.trim()] ?? name.trim());
  const missing = ['id', 'name', 'class'].filter((name) => !header.includes(name));
  if (missing.length > 0) {
    return { rows: [], headerError: `表头缺少必填列：${missing.join('、')}（可用：编号、名称、类别）` };
  }
  const rows = rest.map((record): CsvRow => {
    if ('broken' in record) {
      return { line: record.line, error: '该行无法解析（引号不成对或格式错误）', text: record.broken };
    }
    const { line, cells } = record;
    if (cells.length !== header.length) {
      return { line, error: `列数应为 ${header.length}，实际为 ${cells.length}`, text: cells.join(',') };
    }
    const fields: Record<string, string> = {};
    header.forEach((name, column) => {
      fields[name] = cells[column] ?? '';
    });
    if (fields.class) fields.class = classAliases[fields.class] ?? fields.class;
    return { line, fields, cells };
  });
  return { rows };
}

export const knownClasses: readonly string[] = unitClasses;
