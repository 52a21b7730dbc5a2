/** Counter rows: one per unit and year, figures named by period; the year's last periods also in the next year's row. */
import { describe, expect, it } from 'vitest';
import { periodsOf } from '#shared/domain/periods';
import { periodCounters } from '#shared/store/dynamo/aggregates';
import { counterUpdates } from '#shared/store/dynamo/ledger';

/** What each Update adds, by row (`AGG#<year>`) and attribute. */
function added(changes: Parameters<typeof counterUpdates>[1]): Record<string, Record<string, number>> {
  const rows: Record<string, Record<string, number>> = {};
  for (const { Update } of counterUpdates('xinbao-test', changes)) {
    if (!Update) throw new Error('an Update expected');
    const names = Update.ExpressionAttributeNames ?? {};
    const values = Update.ExpressionAttributeValues ?? {};
    const row: Record<string, number> = {};
    for (const [placeholder, name] of Object.entries(names)) {
      if (placeholder.startsWith('#c')) row[name] = Number(values[placeholder.replace('#c', ':v')]);
    }
    rows[String(Update.Key?.pk)] = row;
  }
  return rows;
}

const submission = (at: string) =>
  periodsOf(new Date(at)).map((period) => ({
    unitId: 'linqu',
    unitClass: 'county',
    period,
    add: { submitted: 1, important: 1, points: -5 },
  }));

describe('counter updates', () => {
  it('adds a June submission to the unit’s 2026 row (month, quarter, year) and its year figures to 2027’s', () => {
    const rows = added(submission('2026-06-24T02:00:00.000Z'));
    expect(Object.keys(rows).sort()).toEqual(['AGG#2026', 'AGG#2027']);
    for (const period of ['2026-06', '2026-Q2', '2026']) {
      expect(periodCounters(rows['AGG#2026'], period)).toEqual({ submitted: 1, important: 1, points: -5 });
    }
    // 2027's row holds only what a 2027 ranking compares with: the 2026 year, ranked counters only.
    expect(rows['AGG#2027']).toEqual({ '2026:submitted': 1, '2026:points': -5 });
  });

  it('adds a December submission’s month, quarter and year figures to the next year’s row (ranked counters only)', () => {
    const rows = added(submission('2026-12-24T02:00:00.000Z'));
    expect(Object.keys(rows).sort()).toEqual(['AGG#2026', 'AGG#2027']);
    expect(rows['AGG#2027']).toEqual({
      '2026-12:submitted': 1,
      '2026-12:points': -5,
      '2026-Q4:submitted': 1,
      '2026-Q4:points': -5,
      '2026:submitted': 1,
      '2026:points': -5,
    });
  });

  it('merges several facts of one transaction into one Update per row', () => {
    const updates = counterUpdates('xinbao-test', [
      ...submission('2026-12-24T02:00:00.000Z'),
      ...submission('2026-12-25T02:00:00.000Z'),
    ]);
    expect(updates).toHaveLength(2);
    expect(
      added([...submission('2026-12-24T02:00:00.000Z'), ...submission('2026-12-25T02:00:00.000Z')])[
        'AGG#2026'
      ],
    ).toMatchObject({
      '2026-12:submitted': 2,
      '2026:points': -10,
    });
  });
});
