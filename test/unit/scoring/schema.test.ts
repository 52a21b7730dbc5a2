import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '#shared/domain/scoring/defaults';
import { scoringPolicy, scoringPolicyBody } from '#shared/schemas/policy';

const { year: _year, version: _version, ...body } = defaultPolicy(2026);

const issuesOf = (value: unknown) => {
  const result = scoringPolicyBody.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('ScoringPolicy schema', () => {
  it('accepts the 2026 defaults, with their sources named', () => {
    expect(scoringPolicy.parse(defaultPolicy(2026))).toEqual(defaultPolicy(2026));
    expect(scoringPolicyBody.parse(body)).toEqual(body);
    expect(defaultPolicy(2026).source.join('')).toContain('考核办法');
    expect(defaultPolicy(2026).source.join('')).toContain('代表性默认值');
  });

  it('keeps the defaults inside the ranges of the published 办法', () => {
    const policy = defaultPolicy(2026);
    for (const points of Object.values(policy.seriesPoints)) {
      expect(points).toBeGreaterThanOrEqual(2);
      expect(points).toBeLessThanOrEqual(10);
    }
    const upper = Object.fromEntries(policy.upperPublications.map((p) => [p.id, p.points]));
    expect(upper['state-zwxx']).toBe(50);
    expect(policy.instructionBonus).toEqual({ city: 5, province: 50, state: 100 });
    expect(policy.quotas.find((q) => q.unitClass === 'county')?.perMonth).toBe(4);
    expect(policy.quotas.find((q) => q.unitClass === 'department')?.perMonth).toBe(2);
  });

  it.each([
    ['an unknown field', { ...body, bonus: 1 }, ''],
    ['year in the body', { ...body, year: 2026 }, ''],
    ['negative points', { ...body, seriesPoints: { zwxx: -1 } }, 'seriesPoints.zwxx'],
    ['three decimals', { ...body, seriesPoints: { zwxx: 1.005 } }, 'seriesPoints.zwxx'],
    ['no series', { ...body, seriesPoints: {} }, 'seriesPoints'],
    ['a malformed series id', { ...body, seriesPoints: { 'ZW XX': 3 } }, 'seriesPoints.ZW XX'],
    ['no source', { ...body, source: [] }, 'source'],
    [
      'a multiplier below 1',
      {
        ...body,
        upperPublications: [{ id: 'p1', name: '省政府《政务信息》', points: 10, forwardedMultiplier: 0.5 }],
      },
      'upperPublications.0.forwardedMultiplier',
    ],
    [
      'duplicate publications',
      {
        ...body,
        upperPublications: [
          { id: 'p1', name: '甲', points: 10, forwardedMultiplier: 1 },
          { id: 'p1', name: '乙', points: 20, forwardedMultiplier: 1 },
        ],
      },
      'upperPublications.1.id',
    ],
    [
      'duplicate quota classes',
      {
        ...body,
        quotas: [
          { unitClass: 'county', perMonth: 4, basePoints: 10, deductionPerMissing: 2 },
          { unitClass: 'county', perMonth: 3, basePoints: 10, deductionPerMissing: 2 },
        ],
      },
      'quotas.1.unitClass',
    ],
    [
      'an unknown unit class',
      { ...body, quotas: [{ unitClass: 'village', perMonth: 4, basePoints: 10, deductionPerMissing: 2 }] },
      'quotas.0.unitClass',
    ],
    [
      'a fractional quota',
      { ...body, quotas: [{ unitClass: 'county', perMonth: 2.5, basePoints: 1, deductionPerMissing: 1 }] },
      'quotas.0.perMonth',
    ],
    ['an unknown co-credit mode', { ...body, coCredit: 'weighted' }, 'coCredit'],
    ['a share above 1', { ...body, fixedShares: { lead: 1.5, other: 0.5 } }, 'fixedShares.lead'],
    [
      'a missing instruction level',
      { ...body, instructionBonus: { city: 5, province: 50 } },
      'instructionBonus.state',
    ],
    ['silent days of 0', { ...body, silentDays: 0 }, 'silentDays'],
    [
      'a missing commission rule',
      { ...body, commission: { answeredBonus: 2, latePenalty: 1 } },
      'commission.missedPenalty',
    ],
  ])('refuses %s', (_name, value, path) => {
    expect(issuesOf(value)).toContain(path);
  });
});
