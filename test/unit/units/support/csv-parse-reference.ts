/** The CSV reader as it was with csv-parse (kept only to check the small reader against it). */
import { parse } from 'csv-parse/sync';
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

const lineBreaks = (text: string) => text.match(/\n/g)?.length ?? 0;

/**
 * csv-parse over `lines[from…]`: the records it read, and — when it stopped on a broken record —
 * where that record ends up being read from (the line after the last good record).
 */
function parseFrom(lines: string[], from: number): { records: CsvRecord[]; brokenAfter?: number } {
  const records: CsvRecord[] = [];
  let lastEnd = from;
  try {
    parse(lines.slice(from).join('\n'), {
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      on_record: (record, { lines: endsOn }) => {
        // `lines` is where the record ends; each line break inside a quoted field moves its start up.
        const end = from + endsOn;
        lastEnd = end;
        // A line of blanks (Excel's trailing ",,,,") is no row.
        if (record.every((cell) => cell === '')) return null;
        records.push({ line: end - record.reduce((sum, cell) => sum + lineBreaks(cell), 0), cells: record });
        return null;
      },
    });
    return { records };
  } catch {
    return { records, brokenAfter: lastEnd };
  }
}

/**
 * Records as csv-parse reads them, so a quoted field may hold a comma or a line break. A broken
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
