import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '#shared/domain/scoring/defaults';
import type { InstructionLevel, ScoringFact } from '#shared/domain/scoring/facts';
import { replayYear, scoreOf } from '#shared/domain/scoring/ledger';

const unitIds = ['a-unit', 'b-unit', 'c-unit', 'd-unit'];
const itemIds = ['it1', 'it2', 'it3'];
const level = fc.constantFrom<InstructionLevel>('city', 'province', 'state');
const at = fc
  .integer({ min: 0, max: 30 * 24 })
  .map((hours) => new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000).toISOString());
const units = fc
  .uniqueArray(fc.constantFrom(...unitIds), { minLength: 1, maxLength: 3 })
  .map((ids) => ids.map((unitId) => ({ unitId })));

const fact: fc.Arbitrary<ScoringFact> = fc.oneof(
  fc.record({
    kind: fc.constant('adopted' as const),
    itemId: fc.constantFrom(...itemIds),
    bulletinLabel: fc.constant('《政务信息》2026年第1期'),
    seriesId: fc.constantFrom('zwxx', 'mryq', 'zb', 'zk'),
    units,
    at,
  }),
  fc.record({
    kind: fc.constant('upper-adopted' as const),
    itemId: fc.constantFrom(...itemIds),
    publicationId: fc.constantFrom('province-zwxx', 'province-szzb', 'state-zwxx'),
    forwardedThroughCity: fc.boolean(),
    units,
    at,
  }),
  fc.record({
    kind: fc.constant('instruction' as const),
    itemId: fc.constantFrom(...itemIds),
    level,
    leader: fc.constantFrom('王某某', '李某某'),
    units,
    at,
    levelsAlreadyCounted: fc.constant<InstructionLevel[]>([]),
  }),
  fc.record({
    kind: fc.constant('commission' as const),
    commissionId: fc.constantFrom('cm1', 'cm2'),
    topic: fc.constant('专题'),
    unitId: fc.constantFrom(...unitIds),
    outcome: fc.constantFrom('on-time' as const, 'late' as const, 'missed' as const),
    at,
  }),
  fc.record({
    kind: fc.constant('late-important' as const),
    itemId: fc.constantFrom(...itemIds),
    unitId: fc.constantFrom(...unitIds),
    at,
  }),
  fc.record({
    kind: fc.constant('quota' as const),
    unitId: fc.constantFrom(...unitIds),
    unitClass: fc.constantFrom('county' as const, 'department' as const),
    month: fc.constantFrom('2026-01', '2026-02'),
    submitted: fc.integer({ min: 0, max: 8 }),
  }),
);

describe('replayYear determinism', () => {
  it.each([false, true])('shuffled facts give the identical sorted ledger (accumulate %s)', (accumulate) => {
    const policy = { ...defaultPolicy(2026), accumulate };
    fc.assert(
      fc.property(
        fc
          .array(fact, { maxLength: 40 })
          .chain((facts) =>
            fc.tuple(
              fc.constant(facts),
              fc.shuffledSubarray(facts, { minLength: facts.length, maxLength: facts.length }),
            ),
          ),
        ([facts, shuffled]) => {
          const first = replayYear(facts, policy);
          expect(replayYear(shuffled, policy)).toEqual(first);
          expect(replayYear(facts, policy)).toEqual(first);
          for (const line of first) {
            expect(Math.round(line.points * 100)).toBeCloseTo(line.points * 100, 6);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('co-credit shares always sum to the item points', () => {
    const policy = defaultPolicy(2026);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 7 }),
        fc.constantFrom('zwxx', 'mryq', 'zb', 'zk'),
        (ids, seriesId) => {
          const lines = replayYear(
            [
              {
                kind: 'adopted',
                itemId: 'it1',
                bulletinLabel: '《政务信息》2026年第1期',
                seriesId,
                units: ids.map((unitId) => ({ unitId })),
                at: '2026-01-01T00:00:00.000Z',
              },
            ],
            policy,
          );
          const total = ids.reduce((sum, id) => sum + Math.round(scoreOf(lines, id) * 100), 0);
          expect(total).toBe(Math.round((policy.seriesPoints[seriesId] ?? 0) * 100));
        },
      ),
    );
  });
});
