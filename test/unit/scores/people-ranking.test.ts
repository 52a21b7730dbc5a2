import { describe, expect, it } from 'vitest';
import { getPeopleRankings } from '#functions/scores/get-people-rankings/use-case';
import { rankPeople } from '#shared/domain/person-ranking';
import { HttpReply } from '#shared/http/responses';
import { personChangesAt, personCounterUpdates } from '#shared/store/dynamo/person-counters';
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

describe('per-person counters', () => {
  it('add a month, a quarter and a year figure in one Update per person and year; none for a token call', () => {
    const by = { personId: 'p1', name: '李晓梅' };
    const at = new Date('2026-11-20T02:00:00Z');
    const updates = personCounterUpdates('xinbao', [
      ...personChangesAt(by, 'weicheng', at, { adopted: 1 }),
      ...personChangesAt(by, 'weicheng', at, { adopted: 1 }),
    ]);
    expect(updates).toHaveLength(1);
    const update = updates[0]?.Update;
    expect(update?.Key).toEqual({ pk: 'PAGG#2026', sk: 'PERSON#p1' });
    expect(Object.values(update?.ExpressionAttributeNames ?? {})).toEqual(
      expect.arrayContaining(['2026-11:adopted', '2026-Q4:adopted', '2026:adopted']),
    );
    expect(update?.ExpressionAttributeValues?.[':v0']).toBe(2);
    expect(personChangesAt(undefined, 'weicheng', at, { adopted: 1 })).toEqual([]);
  });
});
