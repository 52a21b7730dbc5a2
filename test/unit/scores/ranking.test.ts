import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type PeriodCounts, parsePeriod, periodStart, previousPeriod, rank } from '#shared/domain/ranking';
import { rankingsCsv, rankingsXlsx } from '#shared/render/tables/rankings';

const units = [
  { unitId: 'anqiu', name: '安丘市人民政府', unitClass: 'county' },
  { unitId: 'gaomi', name: '高密市人民政府', unitClass: 'county' },
  { unitId: 'linqu', name: '临朐县人民政府', unitClass: 'county' },
  { unitId: 'weicheng', name: '潍城区人民政府', unitClass: 'county' },
  { unitId: 'fgw', name: '市发展和改革委员会', unitClass: 'department' },
];

const counts = (entries: Record<string, Partial<PeriodCounts>>) =>
  new Map(
    Object.entries(entries).map(([unitId, partial]) => [
      unitId,
      { submitted: 0, adopted: 0, upperAdopted: 0, instructions: 0, points: 0, ...partial },
    ]),
  );

describe('rankings', () => {
  const current = counts({
    anqiu: { submitted: 10, adopted: 4, points: 12 },
    gaomi: { submitted: 8, adopted: 4, points: 12 },
    weicheng: { submitted: 6, adopted: 2, points: 15 },
  });
  const previous = counts({ gaomi: { submitted: 5, adopted: 3, points: 20 }, anqiu: { submitted: 1 } });

  it('ranks a class by points, then adoptions, sharing ranks on equal figures', () => {
    const ranking = rank('2026-10', 'county', units, current, previous);
    expect(ranking.rows.map((row) => [row.unitId, row.rank])).toEqual([
      ['weicheng', 1],
      ['anqiu', 2],
      ['gaomi', 3],
      ['linqu', 4],
    ]);
    expect(ranking.rows.find((row) => row.unitId === 'anqiu')?.adoptionRate).toBe(40);
    expect(ranking.rows.find((row) => row.unitId === 'gaomi')?.change).toBe(-2);
    expect(ranking.zeroReport).toEqual(['临朐县人民政府']);
    expect(ranking.zeroAdoption).toEqual(['临朐县人民政府']);
  });

  it('shares a rank between units with identical figures', () => {
    const tie = counts({
      anqiu: { submitted: 3, adopted: 1, points: 3 },
      gaomi: { submitted: 3, adopted: 1, points: 3 },
    });
    const ranking = rank('2026-10', 'county', units, tie, undefined);
    expect(ranking.rows.slice(0, 3).map((row) => row.rank)).toEqual([1, 1, 3]);
  });

  it('parses periods and steps back across year ends', () => {
    expect(parsePeriod('2026-13')).toBeUndefined();
    expect(parsePeriod('2026-q4')).toBeUndefined();
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026')).toBe('2025');
    expect(periodStart('2026-Q4')?.toISOString()).toBe('2026-09-30T16:00:00.000Z');
  });

  it('writes CSV that Excel opens as Chinese and neutralises formula-like names', () => {
    const ranking = rank(
      '2026-10',
      'county',
      [...units, { unitId: 'evil', name: '=HYPERLINK("x")', unitClass: 'county' }],
      current,
      previous,
    );
    const csv = rankingsCsv([ranking]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('名次,单位,报送,采用');
    expect(csv).toContain('1,潍城区人民政府,6,2,33.3,0,0,15,↑2');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes an XLSX workbook with one sheet per class that reads back', async () => {
    const rankings = ['county', 'department'].map((unitClass) =>
      rank('2026-10', unitClass, units, current, previous),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await rankingsXlsx(rankings)) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['县市区', '市直部门']);
    const sheet = workbook.getWorksheet('县市区');
    expect(sheet?.getRow(3).values).toEqual([undefined, 1, '潍城区人民政府', 6, 2, 33.3, 0, 0, 15, '↑2']);
    expect(sheet?.getCell('A1').value).toBe('2026-10 县市区 政务信息采用情况排名');
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      '名次',
      '单位',
      '报送',
      '采用',
      '采用率(%)',
      '上级采用',
      '批示',
      '得分',
      '名次变化',
    ]);
    expect(sheet?.getCell('B2').font?.bold).toBe(true);
    expect(sheet?.getCell('B3').font?.bold).toBeFalsy();
    expect(sheet?.getColumn(2).width).toBe(34);
    const county = rankings[0];
    const annex = (county?.rows.length ?? 0) + 4;
    expect(sheet?.getCell(`A${annex}`).value).toBe(`零报送单位：${county?.zeroReport.join('、') || '无'}`);
    expect(sheet?.getCell(`A${annex + 1}`).value).toBe(
      `零采用单位：${county?.zeroAdoption.join('、') || '无'}`,
    );
    const departments = workbook.getWorksheet('市直部门');
    expect(departments?.getCell('A1').value).toBe('2026-10 市直部门 政务信息采用情况排名');
    expect(workbook.creator).toBe('信报');
  });

  it('writes text that needs escaping and survives a round trip', async () => {
    const ranking = rank(
      '2026-10',
      'county',
      [{ unitId: 'u1', name: 'A & B <"局">', unitClass: 'county' }],
      new Map(),
      undefined,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(rankingsXlsx([ranking]) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.getWorksheet('县市区')?.getCell('B3').value).toBe('A & B <"局">');
  });
});
