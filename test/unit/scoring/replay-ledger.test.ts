/** Replaying with moments, and the diff a replay writes: same input, same ledger; nothing twice. */
import { describe, expect, it } from 'vitest';
import {
  centsOf,
  defaultPolicy,
  diffLedger,
  replayLedger,
  type ScoringFact,
  type TimedLine,
} from '#shared/domain/scoring/index';

const policy = { ...defaultPolicy(2026), version: 1 };
const facts: ScoringFact[] = [
  {
    kind: 'adopted',
    itemId: 'it_a',
    bulletinLabel: '《政务信息》2026年第3期',
    seriesId: 'zwxx',
    units: [{ unitId: 'anqiu' }, { unitId: 'fgw' }],
    at: '2026-03-02T02:00:00.000Z',
  },
  {
    kind: 'upper-adopted',
    itemId: 'it_a',
    publicationId: 'province-zwxx',
    forwardedThroughCity: true,
    units: [{ unitId: 'anqiu' }, { unitId: 'fgw' }],
    at: '2026-03-10T04:00:00.000Z',
  },
  { kind: 'quota', unitId: 'anqiu', unitClass: 'county', month: '2026-03', submitted: 1 },
  {
    kind: 'commission',
    commissionId: 'cm_1',
    topic: '春耕',
    unitId: 'fgw',
    outcome: 'missed',
    at: '2026-03-20T02:00:00.000Z',
  },
];

describe('replayLedger', () => {
  it('dates every line at its fact, a quota at the end of its month, whatever the input order', () => {
    const lines = replayLedger(facts, policy);
    expect(replayLedger([...facts].reverse(), policy)).toEqual(lines);
    expect(lines.find((line) => line.rule === 'quota:county:missed')).toMatchObject({
      at: '2026-03-31T15:59:59.999Z',
      points: -6,
    });
    // 10 × 1.2 split evenly between the two units of the merged item.
    expect(lines.filter((line) => line.rule === 'upper:province-zwxx').map((line) => line.points)).toEqual([
      6, 6,
    ]);
  });
});

describe('diffLedger', () => {
  const before = replayLedger(facts, policy);

  it('changes nothing when the ledger already is the replay', () => {
    expect(diffLedger(before, replayLedger(facts, policy))).toEqual({ puts: [], deletes: [], units: [] });
  });

  it('rewrites the lines a new policy changes and reports each unit before and after', () => {
    const stricter = {
      ...policy,
      version: 2,
      quotas: policy.quotas.map((q) => ({ ...q, deductionPerMissing: 5 })),
    };
    const after = replayLedger(facts, stricter);
    const diff = diffLedger(before, after);
    // Every line carries the new version, so every line is rewritten; only anqiu's quota moves points.
    expect(diff.puts).toHaveLength(after.length);
    expect(diff.deletes).toEqual([]);
    const anqiu = diff.units.find((unit) => unit.unitId === 'anqiu');
    expect(anqiu).toMatchObject({ before: 1.5 + 6 - 6, after: 1.5 + 6 - 15, delta: -9 });
    expect(diff.units.find((unit) => unit.unitId === 'fgw')).toMatchObject({ delta: 0 });
    expect(diffLedger(after, replayLedger(facts, stricter)).puts).toEqual([]);
  });

  it('removes a stored line no fact earns any more, and adds one a fact earns now', () => {
    const stray: TimedLine = {
      unitId: 'anqiu',
      source: 'item',
      refId: 'it_gone',
      rule: 'series:zwxx',
      policyVersion: 1,
      points: 3,
      reason: '《政务信息》2026年第1期采用 +3',
      at: '2026-01-05T02:00:00.000Z',
    };
    const missing = before.slice(1);
    const diff = diffLedger([...missing, stray], before);
    expect(diff.deletes).toEqual([stray]);
    expect(diff.puts).toEqual([{ line: before[0] }]);
    const unit = diff.units.find((entry) => entry.unitId === 'anqiu');
    expect(unit?.after).toBe(centsOf(before.filter((line) => line.unitId === 'anqiu')) / 100);
  });
});
