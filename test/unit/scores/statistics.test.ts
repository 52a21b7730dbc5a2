import { describe, expect, it } from 'vitest';
import { annualStatistics } from '#shared/domain/statistics';

describe('annual statistics', () => {
  it('sums units and issues exactly, with breakdowns by publication and level', () => {
    const stats = annualStatistics(
      2026,
      [
        {
          unitId: 'anqiu',
          name: '安丘市人民政府',
          unitClass: 'county',
          counters: {
            submitted: 120,
            adopted: 30,
            upperAdopted: 3,
            'upperBy:province-zwxx': 2,
            'upperBy:province-szzb': 1,
            instructions: 1,
            'instructionsBy:province': 1,
          },
        },
        {
          unitId: 'fgw',
          name: '市发展和改革委员会',
          unitClass: 'department',
          counters: { submitted: 40, adopted: 9, upperAdopted: 1, 'upperBy:province-zwxx': 1 },
        },
        { unitId: 'linqu', name: '临朐县人民政府', unitClass: 'county', counters: {} },
      ],
      [
        { seriesId: 'zwxx', itemCount: 6 },
        { seriesId: 'zwxx', itemCount: 5 },
        { seriesId: 'zb', itemCount: 1 },
      ],
    );
    expect(stats.city).toEqual({
      received: 160,
      issues: 3,
      issuesBySeries: { zwxx: 2, zb: 1 },
      itemsInIssues: 12,
      upperAdopted: 4,
      upperByPublication: { 'province-zwxx': 3, 'province-szzb': 1 },
      instructions: 1,
      instructionsByLevel: { province: 1 },
    });
    expect(stats.units.find((unit) => unit.unitId === 'linqu')).toMatchObject({
      received: 0,
      upperByPublication: {},
    });
  });
});
