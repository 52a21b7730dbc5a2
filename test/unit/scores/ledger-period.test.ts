/** 积分明细 of a period reaches its last day: a line at 23:59:59.999 on the 31st (Shanghai) is in October. */
import { describe, expect, it } from 'vitest';
import type { ScoresDeps } from '../../../functions/scores/deps';
import { getLedger } from '../../../functions/scores/get-ledger/use-case';

describe('ledger period bounds', () => {
  it.each([
    ['2026-10', '2026-09-30T16:00:00.000Z', '2026-10-31T16:00:00.000Z'],
    ['2026-02', '2026-01-31T16:00:00.000Z', '2026-02-28T16:00:00.000Z'],
    ['2026-12', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026-Q4', '2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026', '2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
  ])('%s runs from %s up to %s', async (period, from, to) => {
    const asked: string[][] = [];
    const deps = {
      units: { get: async () => ({ name: '临朐县人民政府', class: 'county' }), list: async () => [] },
      countsWithPrevious: async () => ({ current: new Map(), previous: undefined }),
      ledger: async (_unitId: string, start: string, end: string) => {
        asked.push([start, end]);
        return [];
      },
      now: () => new Date('2027-01-05T00:00:00.000Z'),
    } as unknown as ScoresDeps;
    await getLedger(deps, { role: 'admin', tokenId: 'admin-token-0001' }, 'linqu', period);
    expect(asked).toEqual([[from, to]]);
  });
});
