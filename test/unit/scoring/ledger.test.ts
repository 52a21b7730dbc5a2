import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '#shared/domain/scoring/defaults';
import type { InstructionFact, ScoringFact } from '#shared/domain/scoring/facts';
import { ledgerFor, replayYear, scoreOf } from '#shared/domain/scoring/ledger';
import { splitEvenly } from '#shared/domain/scoring/points';
import type { ScoringPolicy } from '#shared/schemas/policy';

const policy: ScoringPolicy = { ...defaultPolicy(2026), version: 3 };
const at = '2026-03-10T02:00:00.000Z';
const one = [{ unitId: 'wuzhong' }];
const label = '《政务信息》2026年第12期';

const sum = (lines: { points: number }[]) => lines.reduce((s, l) => s + Math.round(l.points * 100), 0) / 100;

describe('series adoption', () => {
  it('credits a single unit with the series points and a readable reason', () => {
    const lines = ledgerFor(
      { kind: 'adopted', itemId: 'it1', bulletinLabel: label, seriesId: 'zwxx', units: one, at },
      policy,
    );
    expect(lines).toEqual([
      {
        unitId: 'wuzhong',
        source: 'item',
        refId: 'it1',
        rule: 'series:zwxx',
        policyVersion: 3,
        points: 3,
        reason: '《政务信息》2026年第12期采用 +3',
      },
    ]);
  });

  it('splits a merged item evenly and says so', () => {
    const lines = ledgerFor(
      {
        kind: 'adopted',
        itemId: 'it1',
        bulletinLabel: label,
        seriesId: 'zwxx',
        units: [{ unitId: 'a-unit' }, { unitId: 'b-unit' }],
        at,
      },
      policy,
    );
    expect(lines.map((l) => [l.unitId, l.points, l.reason])).toEqual([
      ['a-unit', 1.5, '《政务信息》2026年第12期采用（合并信息，2 家单位平分）+1.5'],
      ['b-unit', 1.5, '《政务信息》2026年第12期采用（合并信息，2 家单位平分）+1.5'],
    ]);
  });

  it('rounds a three-way split deterministically so that the shares sum exactly', () => {
    const lines = ledgerFor(
      {
        kind: 'adopted',
        itemId: 'it1',
        bulletinLabel: '《专报》2026年第3期',
        seriesId: 'zb',
        units: [{ unitId: 'lead' }, { unitId: 'second' }, { unitId: 'third' }],
        at,
      },
      policy,
    );
    expect(lines.map((l) => l.points)).toEqual([3.34, 3.33, 3.33]);
    expect(sum(lines)).toBe(10);
    expect(lines[0]?.reason).toBe('《专报》2026年第3期采用（合并信息，3 家单位平分）+3.34');
  });

  it('gives fixed shares (lead, others, or the share recorded on the fact)', () => {
    const fixed: ScoringPolicy = { ...policy, coCredit: 'fixed', fixedShares: { lead: 1, other: 0.5 } };
    const lines = ledgerFor(
      {
        kind: 'adopted',
        itemId: 'it1',
        bulletinLabel: label,
        seriesId: 'zwxx',
        units: [{ unitId: 'lead' }, { unitId: 'other' }, { unitId: 'special', share: 0.25 }],
        at,
      },
      fixed,
    );
    expect(lines.map((l) => [l.unitId, l.points, l.reason])).toEqual([
      ['lead', 3, '《政务信息》2026年第12期采用（合并信息，按 100% 计）+3'],
      ['other', 1.5, '《政务信息》2026年第12期采用（合并信息，按 50% 计）+1.5'],
      ['special', 0.75, '《政务信息》2026年第12期采用（合并信息，按 25% 计）+0.75'],
    ]);
  });

  it('counts a unit listed twice once', () => {
    const lines = ledgerFor(
      {
        kind: 'adopted',
        itemId: 'it1',
        bulletinLabel: label,
        seriesId: 'zwxx',
        units: [{ unitId: 'a-unit' }, { unitId: 'a-unit' }],
        at,
      },
      policy,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]?.points).toBe(3);
  });

  it('explains a series the policy gives no points', () => {
    const [line] = ledgerFor(
      {
        kind: 'adopted',
        itemId: 'it1',
        bulletinLabel: '《内参》2026年第1期',
        seriesId: 'nc',
        units: one,
        at,
      },
      policy,
    );
    expect(line).toMatchObject({
      points: 0,
      rule: 'series:nc',
      reason: '《内参》2026年第1期采用（考核办法未设该刊物分值）+0',
    });
  });

  it('splitEvenly sums exactly for negative and small totals', () => {
    expect(splitEvenly(-100, 3).reduce((a, b) => a + b, 0)).toBe(-100);
    expect(splitEvenly(1, 3)).toEqual([1, 0, 0]);
    expect(splitEvenly(5, 0)).toEqual([]);
  });
});

describe('upper-level adoption', () => {
  const upper = (overrides: Partial<Extract<ScoringFact, { kind: 'upper-adopted' }>> = {}): ScoringFact => ({
    kind: 'upper-adopted',
    itemId: 'it1',
    publicationId: 'province-zwxx',
    forwardedThroughCity: false,
    units: one,
    at,
    ...overrides,
  });

  it('gives the publication points', () => {
    expect(ledgerFor(upper(), policy)).toMatchObject([
      { rule: 'upper:province-zwxx', points: 10, reason: '省政府《政务信息》采用 +10' },
    ]);
  });

  it('applies the multiplier when forwarded through the city', () => {
    expect(ledgerFor(upper({ forwardedThroughCity: true }), policy)).toMatchObject([
      { points: 12, reason: '省政府《政务信息》采用（经市政府办公室报送 ×1.2）+12' },
    ]);
  });

  it('highest-only: tops up to the higher publication, and adds nothing for a lower one', () => {
    const topUp = ledgerFor(upper({ publicationId: 'state-zwxx', earlierUpperPoints: 10 }), policy);
    expect(topUp).toMatchObject([
      { points: 40, reason: '国办《政务信息》采用（同一信息按最高分计，已计 10 分，补差）+40' },
    ]);
    const lower = ledgerFor(upper({ earlierUpperPoints: 30 }), policy);
    expect(lower).toMatchObject([
      { points: 0, reason: '省政府《政务信息》采用（同一信息已按不低于本次的分值计分，不重复计分）+0' },
    ]);
  });

  it('accumulate: every publication counts in full', () => {
    const accumulating = { ...policy, accumulate: true };
    expect(
      ledgerFor(upper({ publicationId: 'state-zwxx', earlierUpperPoints: 10 }), accumulating),
    ).toMatchObject([{ points: 50, reason: '国办《政务信息》采用 +50' }]);
  });

  it('replay: accumulate sums, highest-only keeps the maximum per item', () => {
    const facts: ScoringFact[] = [
      upper({ at: '2026-03-01T00:00:00.000Z' }),
      upper({ publicationId: 'province-szzb', at: '2026-03-02T00:00:00.000Z' }),
      upper({ publicationId: 'state-zwxx', at: '2026-03-03T00:00:00.000Z' }),
      upper({ publicationId: 'province-zwxx', itemId: 'it2', at: '2026-03-04T00:00:00.000Z' }),
    ];
    expect(scoreOf(replayYear(facts, policy), 'wuzhong')).toBe(50 + 10);
    expect(scoreOf(replayYear(facts, { ...policy, accumulate: true }), 'wuzhong')).toBe(10 + 30 + 50 + 10);
  });

  it('explains a publication missing from the policy', () => {
    expect(ledgerFor(upper({ publicationId: 'gone' }), policy)).toMatchObject([
      { points: 0, reason: '上级刊物“gone”采用（考核办法未设该刊物分值）+0' },
    ]);
  });
});

describe('instructions (批示)', () => {
  const instruction = (
    level: 'city' | 'province' | 'state',
    levelsAlreadyCounted: ('city' | 'province' | 'state')[] = [],
  ): InstructionFact => ({
    kind: 'instruction',
    itemId: 'it1',
    level,
    leader: '王某某',
    units: one,
    at,
    levelsAlreadyCounted,
  });

  it('gives the bonus by level', () => {
    expect(ledgerFor(instruction('city'), policy)).toMatchObject([
      { rule: 'instruction:city', points: 5, reason: '市领导王某某批示 +5' },
    ]);
    expect(ledgerFor(instruction('province'), policy)[0]?.points).toBe(50);
    expect(ledgerFor(instruction('state'), policy)[0]?.reason).toBe('国务院领导王某某批示 +100');
  });

  it('counts the same level once per item', () => {
    expect(ledgerFor(instruction('province', ['city', 'province']), policy)).toMatchObject([
      { points: 0, reason: '省领导王某某批示（同一信息同级批示已计分，不重复计分）+0' },
    ]);
    const replayed = replayYear(
      [
        instruction('city'),
        { ...instruction('city'), at: '2026-03-11T00:00:00.000Z', leader: '李某某' },
        { ...instruction('province'), at: '2026-03-12T00:00:00.000Z' },
        { ...instruction('city'), itemId: 'it2' },
      ],
      policy,
    );
    expect(scoreOf(replayed, 'wuzhong')).toBe(5 + 50 + 5);
  });
});

describe('commissions (约稿)', () => {
  const commission = (outcome: 'on-time' | 'late' | 'missed'): ScoringFact => ({
    kind: 'commission',
    commissionId: 'cm1',
    topic: '冬季安全生产',
    unitId: 'wuzhong',
    outcome,
    at,
  });

  it.each([
    ['on-time', 2, '约稿“冬季安全生产”按时报送 +2'],
    ['late', -1, '约稿“冬季安全生产”逾期报送 -1'],
    ['missed', -2, '约稿“冬季安全生产”未报送 -2'],
  ] as const)('%s → %d', (outcome, points, reason) => {
    expect(ledgerFor(commission(outcome), policy)).toEqual([
      {
        unitId: 'wuzhong',
        source: 'commission',
        refId: 'cm1',
        rule: `commission:${outcome}`,
        policyVersion: 3,
        points,
        reason,
      },
    ]);
  });
});

describe('late important item', () => {
  it('deducts the penalty', () => {
    expect(ledgerFor({ kind: 'late-important', itemId: 'it9', unitId: 'wuzhong', at }, policy)).toEqual([
      {
        unitId: 'wuzhong',
        source: 'item',
        refId: 'it9',
        rule: 'late-important',
        policyVersion: 3,
        points: -5,
        reason: '重要紧急信息迟报 -5',
      },
    ]);
  });
});

describe('quota (报送任务)', () => {
  it('gives the base points when met', () => {
    expect(
      ledgerFor(
        { kind: 'quota', unitId: 'wuzhong', unitClass: 'county', month: '2026-11', submitted: 5 },
        policy,
      ),
    ).toEqual([
      {
        unitId: 'wuzhong',
        source: 'quota',
        refId: '2026-11',
        rule: 'quota:county:met',
        policyVersion: 3,
        points: 10,
        reason: '2026年11月报送 5 篇，完成每月 4 篇任务 +10',
      },
    ]);
  });

  it('deducts per missing item when missed', () => {
    expect(
      ledgerFor(
        { kind: 'quota', unitId: 'jiaoyu', unitClass: 'department', month: '2026-03', submitted: 0 },
        policy,
      ),
    ).toMatchObject([
      {
        rule: 'quota:department:missed',
        points: -4,
        reason: '2026年3月报送 0 篇，未完成每月 2 篇任务，缺 2 篇 -4',
      },
    ]);
    expect(
      ledgerFor(
        { kind: 'quota', unitId: 'wuzhong', unitClass: 'county', month: '2026-03', submitted: 1 },
        policy,
      ),
    ).toMatchObject([{ points: -6, reason: '2026年3月报送 1 篇，未完成每月 4 篇任务，缺 3 篇 -6' }]);
  });

  it('writes nothing for a class the policy sets no quota for', () => {
    const none = { ...policy, quotas: [] };
    expect(
      ledgerFor(
        { kind: 'quota', unitId: 'wuzhong', unitClass: 'county', month: '2026-03', submitted: 0 },
        none,
      ),
    ).toEqual([]);
  });
});

describe('scoreOf', () => {
  it('sums exactly to the hundredth, only for the unit asked', () => {
    const lines = Array.from({ length: 10 }, (_, i) => ({
      unitId: i % 2 === 0 ? 'a-unit' : 'b-unit',
      source: 'item' as const,
      refId: `it${i}`,
      rule: 'series:zwxx',
      policyVersion: 1,
      points: 0.1,
      reason: 'x',
    }));
    expect(scoreOf(lines, 'a-unit')).toBe(0.5);
    expect(scoreOf(lines, 'nobody')).toBe(0);
  });
});
