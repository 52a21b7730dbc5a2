/**
 * 本单位积分 carries the unit's own place among its class for the period, as the rankings compute
 * it, without the other units' rows; a unit of the other class does not count, a stopped unit has
 * no place.
 */
import { describe, expect, it } from 'vitest';
import type { ScoresDeps } from '../../../functions/scores/deps';
import { getLedger } from '../../../functions/scores/get-ledger/use-case';
import type { PeriodCounts } from '../../../shared/domain/ranking';

const units = [
  { id: 'weicheng', name: '潍城区人民政府', class: 'county', active: true },
  { id: 'hanting', name: '寒亭区人民政府', class: 'county', active: true },
  { id: 'kuiwen', name: '奎文区人民政府', class: 'county', active: true },
  { id: 'fagaiwei', name: '市发展改革委', class: 'department', active: true },
  { id: 'closed', name: '已撤并的开发区', class: 'county', active: false },
];

const counts = (points: number, adopted = 0): PeriodCounts => ({
  submitted: adopted + 2,
  adopted,
  upperAdopted: 0,
  instructions: 0,
  points,
});

function deps(): ScoresDeps {
  return {
    units: {
      get: async (id: string) => units.find((unit) => unit.id === id),
      list: async () => units,
    },
    countsWithPrevious: async () => ({
      current: new Map([
        ['weicheng', counts(12, 3)],
        ['hanting', counts(20, 4)],
        ['kuiwen', counts(5, 1)],
        ['fagaiwei', counts(99, 9)],
        ['closed', counts(50, 5)],
      ]),
      previous: new Map([
        ['weicheng', counts(1)],
        ['hanting', counts(2)],
        ['kuiwen', counts(3)],
      ]),
    }),
    ledger: async () => [],
    now: () => new Date('2026-12-06T00:00:00.000Z'),
  } as unknown as ScoresDeps;
}

const reporter = { role: 'reporter', tokenId: 'reporter-token-01', unitId: 'weicheng' } as const;

describe("the unit's place in its ledger answer", () => {
  it('ranks the unit among the active units of its class only, with the change since last period', async () => {
    const answer = await getLedger(deps(), reporter, 'weicheng', '2026-12');
    expect(answer.place).toEqual({ unitClass: 'county', rank: 2, of: 3, change: 1 });
    expect(JSON.stringify(answer)).not.toContain('hanting');
  });

  it('gives a stopped unit no place', async () => {
    const answer = await getLedger(
      deps(),
      { role: 'admin', tokenId: 'admin-token-0001' },
      'closed',
      '2026-12',
    );
    expect(answer.place).toBeUndefined();
  });
});
