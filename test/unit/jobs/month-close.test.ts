/** The month-close job's use case with in-memory stores: the period rules and a rerun that writes nothing. */
import { describe, expect, it } from 'vitest';
import { defaultPolicy, type ScoringFact } from '#shared/domain/scoring/index';
import type { Unit } from '#shared/schemas/units';
import type { ScoredWrite } from '#shared/store/dynamo/scoring-facts';
import { scoringFactId } from '#shared/store/dynamo/scoring-facts';
import type { MonthCloseDeps } from '../../../functions/jobs/month-close/deps';
import { closeMonth } from '../../../functions/jobs/month-close/use-case';

const unit = (id: string, unitClass: 'county' | 'department', active = true): Unit => ({
  id,
  name: `${id} 单位`,
  class: unitClass,
  contacts: [],
  active,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

function fakes(now = '2026-11-01T00:00:00.000Z') {
  const stored = new Map<string, ScoringFact>();
  const writes: ScoredWrite[] = [];
  const deps: MonthCloseDeps = {
    units: {
      list: async () => [unit('linqu', 'county'), unit('fgw', 'department'), unit('old', 'county', false)],
    },
    submitted: async () => new Map([['linqu', 4]]),
    commissionsDue: async () => [
      {
        commissionId: 'cm_oct',
        topic: '冬季供暖保障情况',
        deadline: '2026-10-20T10:00:00.000Z',
        rows: [
          { unitId: 'linqu', status: 'answered' },
          { unitId: 'fgw', status: 'pending' },
        ].map((row) => ({
          ...row,
          status: row.status as 'pending' | 'answered',
          commissionId: 'cm_oct',
          topic: '冬季供暖保障情况',
          requirements: '',
          deadline: '2026-10-20T10:00:00.000Z',
          year: 2026,
          targetAll: false,
          createdAt: '2026-10-01T00:00:00.000Z',
        })),
      },
    ],
    policy: async (year) => defaultPolicy(year),
    facts: {
      exists: async (fact) => stored.has(scoringFactId(fact)),
      idsOfMonth: async () => new Set(stored.keys()),
      record: async (write) => {
        if (write.facts.some((fact) => stored.has(scoringFactId(fact)))) return false;
        for (const fact of write.facts) stored.set(scoringFactId(fact), fact);
        writes.push(write);
        return true;
      },
    },
    now: () => new Date(now),
  };
  return { deps, stored, writes };
}

describe('month close', () => {
  it('writes each active unit its quota line and its missed 约稿, with the points on its counters', async () => {
    const { deps, writes } = fakes();
    const result = await closeMonth(deps, '2026-11-01T00:00:00.000Z');
    expect(result).toEqual({ job: 'month-close', period: '2026-10', units: 2, lines: 3, skipped: 0 });
    const fgw = writes.find((write) => write.ledger[0]?.unitId === 'fgw');
    expect(fgw?.ledger.map((line) => line.reason)).toEqual([
      '2026年10月报送 0 篇，未完成每月 2 篇任务，缺 2 篇 -4',
      '约稿“冬季供暖保障情况”未报送 -2',
    ]);
    const octoberPoints = fgw?.counters
      .filter((change) => change.period === '2026-10')
      .reduce((sum, change) => sum + (change.add.points ?? 0), 0);
    expect(octoberPoints).toBe(-6);
    expect(fgw?.counters.map((change) => change.period).sort()).toEqual(
      ['2026', '2026', '2026-10', '2026-10', '2026-Q4', '2026-Q4'].sort(),
    );
  });

  it('writes nothing again on a second run', async () => {
    const { deps, writes } = fakes();
    await closeMonth(deps, '2026-11-01T00:00:00.000Z', '2026-10');
    const again = await closeMonth(deps, '2026-11-01T00:00:00.000Z', '2026-10');
    expect(again).toEqual({ job: 'month-close', period: '2026-10', units: 2, lines: 0, skipped: 2 });
    expect(writes).toHaveLength(2);
  });

  it('refuses a malformed period, one in the future and one not yet finished', async () => {
    const { deps, writes } = fakes('2026-11-15T00:00:00.000Z');
    const codeOf = (period: string) =>
      closeMonth(deps, '2026-11-15T00:00:00.000Z', period).then(
        () => 'accepted',
        (error: { code: string }) => error.code,
      );
    expect(await codeOf('2026-13')).toBe('PERIOD_INVALID');
    expect(await codeOf('2026-Q3')).toBe('PERIOD_INVALID');
    expect(await codeOf('2026-12')).toBe('PERIOD_IN_FUTURE');
    expect(await codeOf('2026-11')).toBe('PERIOD_NOT_FINISHED');
    expect(writes).toHaveLength(0);
  });
});
