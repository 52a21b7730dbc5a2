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

export type CsvRow = { line: number; fields: Record<string, string> } | { line: number; error: string };

function parseLine(text: string): string[] {
  const [record] = parse(text, { relax_quotes: false, trim: true }) as string[][];
  return record ?? [];
}

/**
 * Each physical line is parsed on its own, so one broken line (an unclosed quote, a missing
 * column) is reported by its number and never swallows the lines after it. Unit lists have no
 * multi-line cells.
 */
export function readUnitCsv(text: string): { rows: CsvRow[]; headerError?: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) return { rows: [], headerError: 'CSV 文件为空' };
  let header: string[];
  try {
    header = parseLine(lines[headerIndex] ?? '').map((name) => headerAliases[name.trim()] ?? name.trim());
  } catch {
    return { rows: [], headerError: '第 1 行表头无法解析' };
  }
  const missing = ['id', 'name', 'class'].filter((name) => !header.includes(name));
  if (missing.length > 0) {
    return { rows: [], headerError: `表头缺少必填列：${missing.join('、')}（可用：编号、名称、类别）` };
  }
  const rows: CsvRow[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    if (index <= headerIndex || text.trim() === '') return;
    let cells: string[];
    try {
      cells = parseLine(text);
    } catch {
      rows.push({ line, error: '该行无法解析（引号不成对或格式错误）' });
      return;
    }
    if (cells.length !== header.length) {
      rows.push({ line, error: `列数应为 ${header.length}，实际为 ${cells.length}` });
      return;
    }
    const fields: Record<string, string> = {};
    header.forEach((name, column) => {
      fields[name] = cells[column] ?? '';
    });
    if (fields.class) fields.class = classAliases[fields.class] ?? fields.class;
    rows.push({ line, fields });
  });
  return { rows };
}

export const knownClasses: readonly string[] = unitClasses;
