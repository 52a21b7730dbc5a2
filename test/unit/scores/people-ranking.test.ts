import { describe, expect, it } from 'vitest';
import { getPeopleRankings } from '#functions/scores/get-people-rankings/use-case';
import { periodsOf } from '#shared/domain/periods';
import { creditedPeople, monthsOfPeriod, peopleCounts, rankPeople } from '#shared/domain/person-ranking';
import { HttpReply } from '#shared/http/responses';
import { counterUpdates } from '#shared/store/dynamo/ledger';
import { personFiguresOf } from '#shared/store/dynamo/people-counts';
import { personChangesAt } from '#shared/store/dynamo/person-counters';
import { MemoryUnitStore } from '../../support/memory-stores';

const person = (
  personId: string,
  name: string,
  unitId: string,
  figures: Partial<Record<string, number>>,
) => ({
  personId,
  name,
  unitId,
  submitted: 0,
  adopted: 0,
  upperAdopted: 0,
  instructions: 0,
  ...figures,
});

describe('先进个人 ranking', () => {
  it('ranks by upper adoptions, 批示, adoptions, submissions; equal figures share a rank', () => {
    const rows = rankPeople(
      [
        person('a', '甲', 'weicheng', { submitted: 20, adopted: 9 }),
        person('b', '乙', 'kuiwen', { submitted: 5, adopted: 2, upperAdopted: 1 }),
        person('c', '丙', 'weicheng', { submitted: 8, adopted: 4, instructions: 1 }),
        person('d', '丁', 'kuiwen', { submitted: 8, adopted: 4, instructions: 1 }),
      ],
      new Map([
        ['weicheng', '潍城区'],
        ['kuiwen', '奎文区'],
      ]),
    );
    expect(rows.map((row) => [row.rank, row.name, row.unitName])).toEqual([
      [1, '乙', '奎文区'],
      [2, '丁', '奎文区'],
      [2, '丙', '潍城区'],
      [4, '甲', '潍城区'],
    ]);
    expect(rows[3]?.adoptionRate).toBe(45);
  });

  it('answers JSON, a CSV for Excel and an XLSX, and refuses a malformed or future period', async () => {
    const units = new MemoryUnitStore();
    const deps = {
      units,
      now: () => new Date('2026-12-01T00:00:00Z'),
      personCounts: async () => [person('a', '李晓梅', 'weicheng', { submitted: 3, adopted: 1 })],
    };
    const json = await getPeopleRankings(deps, { period: '2026-11' });
    expect(json).toMatchObject({ period: '2026-11', rows: [{ rank: 1, name: '李晓梅', adopted: 1 }] });
    const csv = await getPeopleRankings(deps, { period: '2026-11', format: 'csv' });
    expect(csv).toBeInstanceOf(HttpReply);
    expect((csv as HttpReply).body).toContain('名次,姓名,所属单位,报送,采用');
    expect((csv as HttpReply).body).toContain('1,李晓梅,weicheng,3,1,33.3,0,0');
    const xlsx = (await getPeopleRankings(deps, { period: '2026', format: 'xlsx' })) as HttpReply;
    expect(Buffer.from(xlsx.body, 'base64').subarray(0, 2).toString()).toBe('PK');
    await expect(getPeopleRankings(deps, { period: '2026-13' })).rejects.toMatchObject({
      code: 'PERIOD_INVALID',
    });
    await expect(getPeopleRankings(deps, { period: '2027' })).rejects.toMatchObject({
      code: 'PERIOD_IN_FUTURE',
    });
  });
});

describe('per-person figures on the unit counter rows', () => {
  const lixm = { personId: 'p1', name: '李晓梅', unitId: 'weicheng' };
  const at = new Date('2026-11-20T02:00:00Z');
  const unitChanges = periodsOf(at).map((period) => ({
    unitId: 'weicheng',
    unitClass: 'county',
    period,
    add: { adopted: 2, points: 6 },
  }));

  it("ride on the unit's own Update of its year row, by month; none for a token call", () => {
    const updates = counterUpdates('xinbao', unitChanges, [
      ...personChangesAt([lixm], at, { adopted: 1 }),
      ...personChangesAt([lixm], at, { adopted: 1 }),
    ]);
    // The unit's year row and (a fourth-quarter change) next year's: no row of the person's own.
    expect(updates.map((update) => update.Update?.Key)).toEqual([
      { pk: 'AGG#2026', sk: 'UNIT#weicheng' },
      { pk: 'AGG#2027', sk: 'UNIT#weicheng' },
    ]);
    const update = updates[0]?.Update;
    const names = update?.ExpressionAttributeNames ?? {};
    const person = Object.entries(names).find(([, name]) => name.startsWith('person:'));
    expect(person?.[1]).toBe('person:p1:2026-11:adopted');
    expect(update?.ExpressionAttributeValues?.[person?.[0].replace('#c', ':v') ?? '']).toBe(2);
    expect(Object.values(names)).toEqual(
      expect.arrayContaining(['2026-11:adopted', '2026-Q4:adopted', '2026:adopted']),
    );
    expect(
      Object.values(updates[1]?.Update?.ExpressionAttributeNames ?? {}).some((name) =>
        name.startsWith('person:'),
      ),
    ).toBe(false);
    expect(personChangesAt(creditedPeople({ unitId: 'weicheng' }), at, { adopted: 1 })).toEqual([]);
  });

  it("refuses a person's figures whose unit's figures do not move in the same write", () => {
    expect(() =>
      counterUpdates(
        'xinbao',
        unitChanges,
        personChangesAt([{ ...lixm, unitId: 'gaomi' }], at, { adopted: 1 }),
      ),
    ).toThrow(/without their unit/);
  });

  it('credit a merged item to each source’s person once, under the source’s unit', () => {
    const credits = creditedPeople({
      unitId: 'weicheng',
      submittedBy: { personId: 'p9', name: '不计' },
      sourcePeople: [lixm, { personId: 'p2', name: '王强', unitId: 'gaomi' }, lixm],
    });
    expect(credits).toEqual([lixm, { personId: 'p2', name: '王强', unitId: 'gaomi' }]);
    expect(creditedPeople({ unitId: 'weicheng', submittedBy: { personId: 'p1', name: '李晓梅' } })).toEqual([
      lixm,
    ]);
  });

  it('sum a quarter and a year from the months, across the units that credited a person, named from the record', () => {
    expect(monthsOfPeriod('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsOfPeriod('2026')).toHaveLength(12);
    const rows = new Map<string, Record<string, unknown>>([
      [
        'weicheng',
        {
          unitId: 'weicheng',
          '2026-11:submitted': 3,
          'person:p1:2026-10:submitted': 2,
          'person:p1:2026-11:submitted': 1,
          'person:p1:2026-11:adopted': 1,
          'person:p2:2026-06:submitted': 4,
        },
      ],
      ['gaomi', { unitId: 'gaomi', 'person:p1:2026-12:upperAdopted': 1, 'person:p1:2026-12:submitted': 1 }],
    ]);
    const people = new Map([
      ['p1', { name: '李晓梅', unitId: 'gaomi' }],
      ['p2', { name: '王强', unitId: 'weicheng' }],
    ]);
    expect(peopleCounts(personFiguresOf(rows, '2026-Q4'), people)).toEqual([
      {
        personId: 'p1',
        name: '李晓梅',
        unitId: 'gaomi',
        submitted: 4,
        adopted: 1,
        upperAdopted: 1,
        instructions: 0,
      },
    ]);
    expect(peopleCounts(personFiguresOf(rows, '2026-11'), new Map())).toEqual([
      {
        personId: 'p1',
        name: 'p1',
        unitId: 'weicheng',
        submitted: 1,
        adopted: 1,
        upperAdopted: 0,
        instructions: 0,
      },
    ]);
    expect(
      peopleCounts(personFiguresOf(rows, '2026'), people).map((row) => [row.name, row.submitted]),
    ).toEqual([
      ['李晓梅', 4],
      ['王强', 4],
    ]);
  });
});
