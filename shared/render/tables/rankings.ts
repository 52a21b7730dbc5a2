import type { PersonRankingRow } from '../../domain/person-ranking';
import type { Ranking } from '../../domain/ranking';
import { type SheetRow, writeXlsx } from './xlsx';

const classLabels: Record<string, string> = { county: '县市区', department: '市直部门' };

const header = ['名次', '单位', '报送', '采用', '采用率(%)', '上级采用', '批示', '得分', '名次变化'];

function cells(ranking: Ranking): (string | number)[][] {
  return ranking.rows.map((row) => [
    row.rank,
    row.name,
    row.submitted,
    row.adopted,
    row.adoptionRate,
    row.upperAdopted,
    row.instructions,
    row.points,
    row.change === undefined
      ? ''
      : row.change > 0
        ? `↑${row.change}`
        : row.change < 0
          ? `↓${-row.change}`
          : '—',
  ]);
}

function csvCell(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would make Excel run the cell as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** CSV for Excel: UTF-8 with a BOM (so Chinese opens correctly), CRLF lines, one block per class. */
export function rankingsCsv(rankings: Ranking[]): string {
  const lines: string[] = [];
  for (const ranking of rankings) {
    lines.push(csvCell(`${ranking.period} ${classLabels[ranking.unitClass] ?? ranking.unitClass} 排名`));
    lines.push(header.join(','));
    for (const row of cells(ranking)) lines.push(row.map(csvCell).join(','));
    lines.push(csvCell(`零报送单位：${ranking.zeroReport.join('、') || '无'}`));
    lines.push(csvCell(`零采用单位：${ranking.zeroAdoption.join('、') || '无'}`));
    lines.push('');
  }
  return `\uFEFF${lines.join('\r\n')}`;
}

/** One worksheet per class, with the annex of zero-report and zero-adoption units below. */
export function rankingsXlsx(rankings: Ranking[]): Buffer {
  const widths = { 1: 10, 2: 34, 3: 10, 4: 10, 5: 10, 6: 10, 7: 10, 8: 10, 9: 10 };
  return writeXlsx({
    creator: '信报',
    sheets: rankings.map((ranking) => {
      const label = classLabels[ranking.unitClass] ?? ranking.unitClass;
      const rows: SheetRow[] = [
        { cells: [`${ranking.period} ${label} 政务信息采用情况排名`] },
        { cells: header, bold: true },
        ...cells(ranking).map((row) => ({ cells: row })),
        { cells: [] },
        { cells: [`零报送单位：${ranking.zeroReport.join('、') || '无'}`] },
        { cells: [`零采用单位：${ranking.zeroAdoption.join('、') || '无'}`] },
      ];
      return { name: label, rows, widths };
    }),
  });
}

const peopleHeader = ['名次', '姓名', '所属单位', '报送', '采用', '采用率(%)', '上级采用', '批示'];

function peopleCells(rows: PersonRankingRow[]): (string | number)[][] {
  return rows.map((row) => [
    row.rank,
    row.name,
    row.unitName,
    row.submitted,
    row.adopted,
    row.adoptionRate,
    row.upperAdopted,
    row.instructions,
  ]);
}

/** 先进个人 as CSV for Excel (UTF-8 with a BOM, CRLF lines). */
export function peopleRankingCsv(period: string, rows: PersonRankingRow[]): string {
  const lines = [
    csvCell(`${period} 信息员排名（先进个人）`),
    peopleHeader.join(','),
    ...peopleCells(rows).map((row) => row.map(csvCell).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** 先进个人 as one worksheet. */
export function peopleRankingXlsx(period: string, rows: PersonRankingRow[]): Buffer {
  return writeXlsx({
    creator: '信报',
    sheets: [
      {
        name: '先进个人',
        rows: [
          { cells: [`${period} 信息员排名（先进个人）`] },
          { cells: peopleHeader, bold: true },
          ...peopleCells(rows).map((row) => ({ cells: row })),
        ],
        widths: { 1: 8, 2: 14, 3: 30, 4: 10, 5: 10, 6: 10, 7: 10, 8: 10 },
      },
    ],
  });
}
