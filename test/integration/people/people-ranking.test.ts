/**
 * The 先进个人 ranking against the real local store: two 信息员 of one unit and one of another
 * submit, are adopted (one of them in a 综合信息 merged from two units' items), and earn an
 * upper-level adoption and a 批示. Their figures live on their units' counter rows, so the ranking
 * reads two rows per unit (the unit list and the year's counter rows) plus the ranked people's
 * records; a replay leaves them as they were, and a withdrawal takes the adoptions back from
 * every person credited, the merged item's sources' persons included.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { countDynamoReads } from '../../../bench/support/stack-counters';
import { createBulletin } from '../../../functions/bulletins/create-bulletin/use-case';
import { publishBulletin } from '../../../functions/bulletins/publish-bulletin/use-case';
import { withdrawBulletin } from '../../../functions/bulletins/withdraw-bulletin/use-case';
import type { FactsDeps } from '../../../functions/facts/deps';
import { recordInstruction } from '../../../functions/facts/record-instruction/use-case';
import { recordUpperAdoption } from '../../../functions/facts/record-upper-adoption/use-case';
import { submitItem } from '../../../functions/items/submit-item/use-case';
import { putPolicy } from '../../../functions/policy/put-policy/use-case';
import { replayPolicy } from '../../../functions/policy/replay-year/use-case';
import { decideItem } from '../../../functions/review/decide-item/use-case';
import { mergeItems } from '../../../functions/review/merge-items/use-case';
import { getPeopleRankings } from '../../../functions/scores/get-people-rankings/use-case';
import { localDynamoClient } from '../../../infra/local/aws';
import type { UnitPrincipal } from '../../../shared/domain/roles';
import { defaultPolicy } from '../../../shared/domain/scoring/defaults';
import type { Item } from '../../../shared/schemas/items';
import { periodCounters } from '../../../shared/store/dynamo/aggregates';
import { documentClient } from '../../../shared/store/dynamo/client';
import { DynamoFactStore } from '../../../shared/store/dynamo/facts';
import { keys } from '../../../shared/store/dynamo/keys';
import { DynamoPersonStore } from '../../../shared/store/dynamo/people';
import { periodPeopleCounts } from '../../../shared/store/dynamo/people-counts';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';
import { admin, editor, newWorld, submission, type World } from '../bulletins/world';

const people = [
  {
    personId: '3f2c9a4e-8b1d-4c6f-9e2a-00000000000a',
    name: '李晓梅',
    unitId: 'weicheng',
    username: 'wc.lixm',
  },
  {
    personId: '3f2c9a4e-8b1d-4c6f-9e2a-00000000000b',
    name: '王强',
    unitId: 'weicheng',
    username: 'wc.wangq',
  },
  { personId: '3f2c9a4e-8b1d-4c6f-9e2a-00000000000c', name: '赵敏', unitId: 'gaomi', username: 'gm.zhaom' },
] as const;
const [lixm, wangq, zhaom] = people;

const signedIn = (person: (typeof people)[number]): UnitPrincipal => ({
  role: 'reporter',
  unitId: person.unitId,
  tokenId: `person:${person.personId}`,
  personId: person.personId,
  personName: person.name,
});

let world: World;
let facts: FactsDeps;

/** The ranking as the scores function answers it, over a client that counts what it reads. */
async function ranking(period: string, unitId?: string) {
  const client = localDynamoClient(inject('dynamodbEndpoint'));
  const counter = countDynamoReads(client);
  const table = { client: documentClient(client), tableName: world.table.tableName };
  const answer = await getPeopleRankings(
    {
      units: new DynamoUnitStore(table),
      now: () => new Date('2026-12-01T00:00:00Z'),
      personCounts: (asked) => periodPeopleCounts(table, asked),
    },
    { period, ...(unitId ? { unitId } : {}) },
  );
  if (!('rows' in answer)) throw new Error('JSON expected');
  return { rows: answer.rows, read: counter.read() };
}

const figures = (rows: Awaited<ReturnType<typeof ranking>>['rows']) =>
  rows.map((row) => [
    row.rank,
    row.name,
    row.unitId,
    row.submitted,
    row.adopted,
    row.upperAdopted,
    row.instructions,
  ]);

async function unitFigures(unitId: string, period: string) {
  const { Item } = await world.table.client.send(
    new GetCommand({
      TableName: world.table.tableName,
      Key: keys.aggregate(period.slice(0, 4), unitId),
      ConsistentRead: true,
    }),
  );
  return periodCounters(Item, period);
}

let issue: { bulletinId: string; version: number };
let merged: Item;

beforeAll(async () => {
  world = await newWorld(inject('dynamodbEndpoint'));
  const store = new DynamoPersonStore(world.table);
  for (const person of people) {
    await store.create({
      ...person,
      role: 'reporter',
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'cli',
      version: 1,
    });
  }
  facts = {
    facts: new DynamoFactStore(world.table),
    items: world.items.items,
    units: world.items.units,
    policies: world.bulletins.policies,
    now: world.review.now,
  };
  const submit = (person: (typeof people)[number], title: string) =>
    submitItem(world.items, signedIn(person), submission(title));
  const a1 = await submit(lixm, '潍城区完成清洁取暖改造1.2万户');
  const a2 = await submit(lixm, '潍城区新建口袋公园12处方便群众休闲');
  await submit(lixm, '潍城区开展冬季消防安全大检查');
  const b1 = await submit(wangq, '潍城区社区食堂覆盖全部街道');
  const b2 = await submit(wangq, '潍城区推进老旧小区改造惠及居民八千户');
  const c1 = await submit(zhaom, '高密市农村公路养护实现全覆盖');
  const c2 = await submit(zhaom, '高密市老旧小区改造完成年度任务');
  await submit(zhaom, '高密市开展农民工工资支付专项检查');
  // A token's submission counts for the unit, for nobody's 先进个人 figures.
  await world.submit('gaomi', submission('高密市推进农村人居环境整治'));

  merged = await mergeItems(world.review, editor, {
    itemIds: [b2.itemId, c2.itemId],
    title: '我市老旧小区改造惠及居民逾万户',
    body: '潍城区、高密市加快老旧小区改造，惠及居民逾万户，群众满意度明显提升，相关做法得到上级肯定。',
  });
  for (const item of [a1, a2, b1, c1]) {
    await decideItem(world.review, editor, item.itemId, { decision: 'candidate', version: item.version });
  }
  const draft = await createBulletin(world.bulletins, editor, {
    seriesId: 'zwxx',
    itemIds: [a1.itemId, a2.itemId, b1.itemId, c1.itemId, merged.itemId],
  });
  issue = await publishBulletin(world.bulletins, editor, draft.bulletinId, {
    version: draft.version,
    signer: '刘秘书长',
  });
  await recordUpperAdoption(facts, editor, a1.itemId, { publicationId: 'province-zwxx', date: '2026-11-02' });
  await recordUpperAdoption(facts, editor, merged.itemId, {
    publicationId: 'province-zwxx',
    date: '2026-11-02',
  });
  await recordInstruction(facts, editor, merged.itemId, {
    leader: '王市长',
    level: 'city',
    date: '2026-11-02',
    text: '经验做法很好，请住建局总结推广。',
    feedbackDue: '2026-11-30',
  });
});

describe('the 先进个人 ranking from the units’ counter rows', () => {
  it('counts submissions, adoptions, upper adoptions and 批示 for each person; a merged item credits both sources’ persons', async () => {
    expect(merged.sourcePeople?.map((person) => [person.name, person.unitId])).toEqual([
      ['王强', 'weicheng'],
      ['赵敏', 'gaomi'],
    ]);
    const { rows } = await ranking('2026-11');
    // rank, name, unit, submitted, adopted, upper, 批示 — ordered by upper, 批示, adopted, submitted.
    expect(figures(rows)).toEqual([
      [1, '赵敏', 'gaomi', 3, 2, 1, 1],
      [2, '王强', 'weicheng', 2, 2, 1, 1],
      [3, '李晓梅', 'weicheng', 3, 2, 1, 0],
    ]);
    // The quarter and the year are the months summed: the same figures here.
    expect(figures((await ranking('2026-Q4')).rows)).toEqual(figures(rows));
    expect(figures((await ranking('2026')).rows)).toEqual(figures(rows));
    expect((await ranking('2026-10')).rows).toEqual([]);
    expect(figures((await ranking('2026-11', 'weicheng')).rows).map((row) => row[1])).toEqual([
      '王强',
      '李晓梅',
    ]);
  });

  it('keeps every person figure consistent with the unit’s own: a unit of people alone sums to its counters', async () => {
    const { rows } = await ranking('2026-11');
    const sum = (unitId: string, name: 'submitted' | 'adopted' | 'upperAdopted' | 'instructions') =>
      rows.filter((row) => row.unitId === unitId).reduce((total, row) => total + row[name], 0);
    const weicheng = await unitFigures('weicheng', '2026-11');
    expect(weicheng).toMatchObject({
      submitted: sum('weicheng', 'submitted'),
      adopted: sum('weicheng', 'adopted'),
      upperAdopted: sum('weicheng', 'upperAdopted'),
      instructions: sum('weicheng', 'instructions'),
    });
    // gaomi's token submission is the unit's only: one more than its person's.
    const gaomi = await unitFigures('gaomi', '2026-11');
    expect(gaomi).toMatchObject({
      submitted: sum('gaomi', 'submitted') + 1,
      adopted: sum('gaomi', 'adopted'),
    });
    // The unit's figures of a period never show the person attributes.
    expect(Object.keys(weicheng).some((name) => name.includes('person'))).toBe(false);
  });

  it('reads at most 2 items per unit, plus one record per ranked person for the names', async () => {
    const units = (await world.items.units.list()).length;
    const { rows, read } = await ranking('2026-11');
    // The unit list and the year's counter rows: two Queries, as the unit ranking reads them.
    expect(read.byCommand).toEqual({ Query: expect.any(Number), BatchGetItem: rows.length });
    expect((read.byCommand.Query ?? 0) / units).toBeLessThanOrEqual(2);
    expect(read.calls).toBe(3);
  });

  it('survives a replay unchanged: a replay moves points only, and the person figures have none', async () => {
    const before = figures((await ranking('2026')).rows);
    const pointsBefore = (await unitFigures('weicheng', '2026')).points;
    const { year: _year, version: _version, ...policy } = defaultPolicy(2026);
    await putPolicy(
      world.policy,
      2026,
      { ...policy, seriesPoints: { ...policy.seriesPoints, zwxx: 6 } },
      admin.tokenId,
    );
    const replayed = await replayPolicy(world.policy, admin, 2026, false);
    expect(replayed.linesWritten).toBeGreaterThan(0);
    expect((await unitFigures('weicheng', '2026')).points).toBeGreaterThan(pointsBefore ?? 0);
    expect(figures((await ranking('2026')).rows)).toEqual(before);
  });

  it('takes a withdrawn issue’s adoptions back from every person it credited, the merged item’s included', async () => {
    const current = await world.bulletins.bulletins.get(issue.bulletinId);
    await withdrawBulletin(world.bulletins, editor, issue.bulletinId, {
      version: current?.version ?? issue.version,
      reason: '内容有误',
    });
    const { rows } = await ranking('2026-11');
    expect(rows.map((row) => [row.name, row.adopted, row.upperAdopted])).toEqual([
      ['赵敏', 0, 1],
      ['王强', 0, 1],
      ['李晓梅', 0, 1],
    ]);
    expect(await unitFigures('weicheng', '2026-11')).toMatchObject({ adopted: 0 });
  });
});
