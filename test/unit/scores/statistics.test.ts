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
            upperItems: 3,
            'upperItemsBy:province-zwxx': 2,
            'upperItemsBy:province-szzb': 1,
            instructionItems: 1,
            'instructionItemsBy:province': 1,
          },
        },
        {
          unitId: 'fgw',
          name: '市发展和改革委员会',
          unitClass: 'department',
          counters: {
            submitted: 40,
            adopted: 9,
            upperAdopted: 1,
            'upperBy:province-zwxx': 1,
            upperItems: 1,
            'upperItemsBy:province-zwxx': 1,
          },
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

  it('counts a merged item once for the city and once for each unit it credits', () => {
    // One merged item of anqiu (lead) and fgw: adopted by the province and given a city 批示.
    // Each credited unit's row counts it; only the lead's row carries the item-level counters.
    const perUnit = {
      upperAdopted: 1,
      'upperBy:province-zwxx': 1,
      instructions: 1,
      'instructionsBy:city': 1,
    };
    const stats = annualStatistics(
      2026,
      [
        {
          unitId: 'anqiu',
          name: '安丘市人民政府',
          unitClass: 'county',
          counters: {
            ...perUnit,
            upperItems: 1,
            'upperItemsBy:province-zwxx': 1,
            instructionItems: 1,
            'instructionItemsBy:city': 1,
          },
        },
        { unitId: 'fgw', name: '市发展和改革委员会', unitClass: 'department', counters: perUnit },
      ],
      [],
    );
    expect(stats.city).toMatchObject({
      upperAdopted: 1,
      upperByPublication: { 'province-zwxx': 1 },
      instructions: 1,
      instructionsByLevel: { city: 1 },
    });
    for (const unitId of ['anqiu', 'fgw']) {
      expect(stats.units.find((unit) => unit.unitId === unitId)).toMatchObject({
        upperAdopted: 1,
        upperByPublication: { 'province-zwxx': 1 },
        instructions: 1,
        instructionsByLevel: { city: 1 },
      });
    }
  });
});
