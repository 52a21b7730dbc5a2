import { describe, expect, it } from 'vitest';
import { overdueReport, quotaPace } from '#shared/domain/overdue';

const now = new Date('2026-11-16T04:00:00Z'); // 16 November, noon in Shanghai: 16 of 30 days

const inputs = {
  now,
  silentDays: 14,
  quotaPerMonth: { county: 4, department: 2 },
  submittedThisMonth: new Map([
    ['anqiu', 5],
    ['gaomi', 1],
    ['fgw', 1],
  ]),
  adoptedThisYear: new Map([
    ['anqiu', 3],
    ['gaomi', 2],
  ]),
  missedCommissions: new Map([['fgw', ['冬季安全生产']]]),
  feedbackOverdue: new Map<string, { leader: string; feedbackDue: string }[]>(),
};

describe('overdue report', () => {
  it('keeps pace with the quota in proportion to the days of the month', () => {
    expect(quotaPace(4, now)).toBe(2);
    expect(quotaPace(2, now)).toBe(1);
    expect(quotaPace(4, new Date('2026-11-30T04:00:00Z'))).toBe(4);
  });

  it('marks silent units red, two problems red, one amber, none green', () => {
    const rows = overdueReport(
      [
        {
          unitId: 'anqiu',
          name: '安丘市人民政府',
          unitClass: 'county',
          lastSubmittedAt: '2026-11-15T02:00:00Z',
        },
        {
          unitId: 'gaomi',
          name: '高密市人民政府',
          unitClass: 'county',
          lastSubmittedAt: '2026-11-10T02:00:00Z',
        },
        { unitId: 'linqu', name: '临朐县人民政府', unitClass: 'county' },
        {
          unitId: 'fgw',
          name: '市发展和改革委员会',
          unitClass: 'department',
          lastSubmittedAt: '2026-11-12T02:00:00Z',
        },
      ],
      inputs,
    );
    expect(rows.map((row) => [row.unitId, row.status])).toEqual([
      ['fgw', 'red'],
      ['linqu', 'red'],
      ['gaomi', 'amber'],
      ['anqiu', 'green'],
    ]);
    expect(rows.find((row) => row.unitId === 'linqu')?.reasons.map((reason) => reason.message)).toEqual([
      '从未报送信息',
      '本月已报送 0 篇，按每月 4 篇的进度此时应不少于 2 篇',
      '今年尚无信息被采用',
    ]);
    expect(rows.find((row) => row.unitId === 'fgw')?.reasons.map((reason) => reason.code)).toEqual([
      'ZERO_ADOPTION',
      'COMMISSION_MISSED',
    ]);
  });

  it('names a 批示 whose 落实反馈 is past due, and that alone makes a unit amber', () => {
    const rows = overdueReport(
      [
        {
          unitId: 'anqiu',
          name: '安丘市人民政府',
          unitClass: 'county',
          lastSubmittedAt: '2026-11-15T02:00:00Z',
        },
      ],
      { ...inputs, feedbackOverdue: new Map([['anqiu', [{ leader: '张市长', feedbackDue: '2026-11-10' }]]]) },
    );
    expect(rows[0]?.status).toBe('amber');
    expect(rows[0]?.reasons).toEqual([
      { code: 'FEEDBACK_OVERDUE', message: '批示落实反馈逾期未报：张市长批示（应于11月10日前反馈）' },
    ]);
  });
});
