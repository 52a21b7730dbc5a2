/**
 * Rankings across the new year against the real local store: January's change in rank is
 * against December, Q1's against the fourth quarter, a year's against the year before — and
 * each ranking reads only its own year's counter rows (`AGG#<year>`), because December's,
 * Q4's and the year's figures are also added to the next year's row when they are counted.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ItemsDeps } from '../../../functions/items/deps';
import { submitItem } from '../../../functions/items/submit-item/use-case';
import type { ScoresDeps } from '../../../functions/scores/deps';
import { rankingsOf } from '../../../functions/scores/get-rankings/rankings-of';
import { localDynamoClient } from '../../../infra/local/aws';
import { ensureTable } from '../../../infra/local/provision';
import type { Ranking } from '../../../shared/domain/ranking';
import { defaultPolicy } from '../../../shared/domain/scoring/defaults';
import type { ItemSubmit } from '../../../shared/schemas/items';
import { periodCounts, periodCountsWithPrevious, periodRows } from '../../../shared/store/dynamo/aggregates';
import { documentClient, type TableRef } from '../../../shared/store/dynamo/client';
import { DynamoCommissionStore } from '../../../shared/store/dynamo/commissions';
import { DynamoHistoryStore } from '../../../shared/store/dynamo/history';
import { DynamoItemStore } from '../../../shared/store/dynamo/items';
import { ledgerOf } from '../../../shared/store/dynamo/ledger';
import { DynamoPolicyStore } from '../../../shared/store/dynamo/policy';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';
import { inProcessIndexer } from '../../support/duplicate-index';

const tableName = `year-boundary-${randomBytes(4).toString('hex')}`;
const unitIds = ['anqiu', 'linqu', 'qingzhou'] as const;
let table: TableRef;
let clock = new Date('2026-12-10T02:00:00.000Z');
let itemsDeps: ItemsDeps;
let scores: ScoresDeps;
/** The partition of every Query the ranking's store makes. */
const queried: string[] = [];

const body = (title: string): ItemSubmit => ({
  title,
  body: `${title}。全县上下扎实推进各项工作，新建改造供热管网12公里，供暖面积达到860万平方米，群众满意度明显提升。`,
  eventDate: clock.toISOString().slice(0, 10),
  urgency: 'normal',
  openness: 'public',
  secrecy: 'non-secret',
  approver: '张主任',
  author: { name: '李四', phone: '0536-1234567' },
});

async function submitMany(unitId: string, at: string, count: number) {
  for (let index = 0; index < count; index++) {
    clock = new Date(Date.parse(at) + index * 60_000);
    await submitItem(
      itemsDeps,
      { role: 'reporter', tokenId: `reporter-${unitId}`, unitId },
      body(`${unitId}第${index + 1}条信息${at}`),
    );
  }
}

const positions = (rankings: Ranking[]) =>
  new Map(rankings.flatMap((ranking) => ranking.rows.map((row) => [row.unitId, row])));

beforeAll(async () => {
  const client = localDynamoClient(inject('dynamodbEndpoint'));
  client.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as {
        TableName?: string;
        ExpressionAttributeValues?: Record<string, unknown>;
      };
      // Marshalled ({ S: … }) or not, depending on where the document client's step runs.
      const value = input.ExpressionAttributeValues?.[':pk'];
      const pk = typeof value === 'string' ? value : (value as { S?: string } | undefined)?.S;
      if (input.TableName === tableName && pk?.startsWith('AGG#')) queried.push(pk);
      return next(args);
    },
    { step: 'initialize', name: 'recordCounterQueries' },
  );
  await ensureTable(client, tableName);
  table = { client: documentClient(client), tableName };
  const units = new DynamoUnitStore(table);
  for (const id of unitIds) {
    await units.create({
      id,
      name: `${id} 单位`,
      class: 'county',
      contacts: [],
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
    });
  }
  itemsDeps = {
    items: new DynamoItemStore(table),
    units,
    history: new DynamoHistoryStore(table),
    mail: { dispatch: async () => {} },
    duplicateIndex: inProcessIndexer(table),
    scoring: {
      policies: new DynamoPolicyStore(table),
      commissions: new DynamoCommissionStore(table),
    },
    now: () => clock,
  };
  scores = {
    units,
    counts: (period) => periodCounts(table, period),
    countsWithPrevious: (period) => periodCountsWithPrevious(table, period),
    rows: (period) => periodRows(table, period),
    publishedIssues: async () => [],
    ledger: (unitId, from, to) => ledgerOf(table, unitId, from, to),
    policy: async (year) => defaultPolicy(year),
    commissionsOfYear: async () => [],
    instructionsOfItem: async () => [],
    now: () => new Date('2027-03-01T02:00:00.000Z'),
  };
  // December: 安丘 3, 临朐 2, 青州 1. January: the other way round, 青州 3, 临朐 2, 安丘 1.
  await submitMany('anqiu', '2026-12-10T02:00:00.000Z', 3);
  await submitMany('linqu', '2026-12-11T02:00:00.000Z', 2);
  await submitMany('qingzhou', '2026-12-12T02:00:00.000Z', 1);
  await submitMany('qingzhou', '2027-01-10T02:00:00.000Z', 3);
  await submitMany('linqu', '2027-01-11T02:00:00.000Z', 2);
  await submitMany('anqiu', '2027-01-12T02:00:00.000Z', 1);
});

afterAll(() => {
  table?.client.destroy();
});

describe('change in rank across the new year', () => {
  it.each([
    ['2027-01', '2026-12'],
    ['2027-Q1', '2026-Q4'],
    ['2027', '2026'],
  ])('ranks %s against %s, reading only the 2027 counter rows', async (period, previous) => {
    const before = positions(await rankingsOf(scores, { period: previous }));
    queried.length = 0;
    const now = positions(await rankingsOf(scores, { period }));
    expect(queried).toEqual(['AGG#2027']);
    expect(before.get('anqiu')).toMatchObject({ rank: 1, submitted: 3 });
    expect(now.get('qingzhou')).toMatchObject({ rank: 1, submitted: 3, change: 2 });
    expect(now.get('linqu')).toMatchObject({ rank: 2, submitted: 2, change: 0 });
    expect(now.get('anqiu')).toMatchObject({ rank: 3, submitted: 1, change: -2 });
    for (const [unitId, row] of now) expect(row.change).toBe((before.get(unitId)?.rank ?? 0) - row.rank);
  });

  it('keeps December in its own year too: the 2026 statistics and rankings are unchanged by January', async () => {
    expect((await periodCounts(table, '2026')).get('anqiu')).toMatchObject({ submitted: 3 });
    expect((await periodRows(table, '2027')).get('anqiu')).toMatchObject({ submitted: 1 });
    // December against a November without submissions: every unit was level (1st) then.
    const [december] = await rankingsOf(scores, { period: '2026-12' });
    expect(december?.rows.map((row) => [row.unitId, row.rank, row.change])).toEqual([
      ['anqiu', 1, 0],
      ['linqu', 2, -1],
      ['qingzhou', 3, -2],
    ]);
  });
});
