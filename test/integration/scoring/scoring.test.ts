/**
 * Scoring against the real local store: what submissions score in their transaction, the month
 * close run twice, and a replay of the year under a changed policy — after each, every counter's
 * points equal the sum of the unit's ledger lines.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { recordUpperAdoption } from '../../../functions/facts/record-upper-adoption/use-case';
import type { ItemsDeps } from '../../../functions/items/deps';
import { idempotentSubmit } from '../../../functions/items/submit-item/idempotent';
import { submitItem } from '../../../functions/items/submit-item/use-case';
import { monthCloseDeps } from '../../../functions/jobs/month-close/deps';
import { closeMonth } from '../../../functions/jobs/month-close/use-case';
import type { PolicyDeps } from '../../../functions/policy/deps';
import { listReplays } from '../../../functions/policy/list-replays/use-case';
import { putPolicy } from '../../../functions/policy/put-policy/use-case';
import { replayPolicy } from '../../../functions/policy/replay-year/use-case';
import { localDynamoClient } from '../../../infra/local/aws';
import { ensureTable } from '../../../infra/local/provision';
import type { Principal, UnitPrincipal } from '../../../shared/domain/roles';
import { defaultPolicy } from '../../../shared/domain/scoring/defaults';
import type { Item, ItemSubmit } from '../../../shared/schemas/items';
import { periodCounters } from '../../../shared/store/dynamo/aggregates';
import { DynamoBulletinStore } from '../../../shared/store/dynamo/bulletins';
import { documentClient, type TableRef } from '../../../shared/store/dynamo/client';
import { DynamoCommissionStore } from '../../../shared/store/dynamo/commissions';
import { DynamoFactStore } from '../../../shared/store/dynamo/facts';
import { DynamoHistoryStore } from '../../../shared/store/dynamo/history';
import { DynamoItemStore } from '../../../shared/store/dynamo/items';
import { keys } from '../../../shared/store/dynamo/keys';
import { ledgerOf } from '../../../shared/store/dynamo/ledger';
import { DynamoPolicyStore } from '../../../shared/store/dynamo/policy';
import { DynamoReplayStore } from '../../../shared/store/dynamo/replays';
import { DynamoScoringFactStore, scoringFactKey } from '../../../shared/store/dynamo/scoring-facts';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';
import { inProcessIndexer } from '../../support/duplicate-index';

let table: TableRef;
let dynamo: DynamoDBClient;
const tableName = `scoring-${randomBytes(4).toString('hex')}`;
const unitIds = ['anqiu', 'fgw', 'linqu'] as const;
const classes = { anqiu: 'county', fgw: 'department', linqu: 'county' } as const;
const commissionId = 'cm_0000000000000000000s01';
const deadline = '2026-10-20T10:00:00.000Z';
const admin: Principal = { role: 'admin', tokenId: 'admin-token-0001' };
const editor: Principal = { role: 'editor', tokenId: 'editor-token-0001' };
const reporter = (unitId: string): UnitPrincipal => ({
  role: 'reporter',
  tokenId: `reporter-${unitId}`,
  unitId,
});

let clock = new Date('2026-10-15T02:00:00.000Z');
let itemsDeps: ItemsDeps;
let policyDeps: PolicyDeps;
/** Each replay a minute after the last, so the audit trail has an order. */
let replayClock = Date.parse('2026-11-20T02:00:00.000Z');

const text = (title: string, extra: Partial<ItemSubmit> = {}): ItemSubmit => ({
  title,
  body: `${title}。全县上下扎实推进各项工作，新建改造供热管网12公里，供暖面积达到860万平方米，群众满意度明显提升，相关做法得到上级肯定。`,
  eventDate: clock.toISOString().slice(0, 10),
  urgency: 'normal',
  openness: 'public',
  secrecy: 'non-secret',
  approver: '张主任',
  author: { name: '李四', phone: '0536-1234567' },
  ...extra,
});

async function submit(unitId: string, at: string, body: ItemSubmit): Promise<Item> {
  clock = new Date(at);
  return submitItem(itemsDeps, reporter(unitId), body);
}

async function lines(unitId: string, from = '2026-01-01', to = '2027-01-01') {
  return ledgerOf(
    table,
    unitId,
    new Date(`${from}T00:00:00+08:00`).toISOString(),
    new Date(`${to}T00:00:00+08:00`).toISOString(),
  );
}

const cents = (entries: { points: number }[]) =>
  entries.reduce((sum, line) => sum + Math.round(line.points * 100), 0);

/** A unit's counters of a period: attributes of its year row. */
async function counters(period: string, unitId: string) {
  const { Item } = await table.client.send(
    new GetCommand({
      TableName: tableName,
      Key: keys.aggregate(period.slice(0, 4), unitId),
      ConsistentRead: true,
    }),
  );
  return periodCounters(Item, period);
}

/** Every score shown anywhere is a sum of the ledger: month, quarter and year counters of every unit. */
async function expectCountersEqualLedger() {
  for (const unitId of unitIds) {
    expect(Math.round(Number((await counters('2026', unitId)).points ?? 0) * 100), unitId).toBe(
      cents(await lines(unitId)),
    );
    expect(Math.round(Number((await counters('2026-10', unitId)).points ?? 0) * 100), unitId).toBe(
      cents(await lines(unitId, '2026-10-01', '2026-11-01')),
    );
    // The fourth quarter and the year again in 2027's row, where Q1 2027 and 2027 find them.
    const carried = await nextYearRow(unitId);
    expect(Math.round((carried['2026:points'] ?? 0) * 100), unitId).toBe(cents(await lines(unitId)));
    expect(Math.round((carried['2026-Q4:points'] ?? 0) * 100), unitId).toBe(
      cents(await lines(unitId, '2026-10-01', '2027-01-01')),
    );
  }
}

/** The unit's 2027 counter row: 2026's December, Q4 and year figures carried over. */
async function nextYearRow(unitId: string): Promise<Record<string, number>> {
  const { Item } = await table.client.send(
    new GetCommand({ TableName: tableName, Key: keys.aggregate('2027', unitId), ConsistentRead: true }),
  );
  return Object.fromEntries(Object.entries(Item ?? {}).filter(([, value]) => typeof value === 'number'));
}

beforeAll(async () => {
  dynamo = localDynamoClient(inject('dynamodbEndpoint'));
  await ensureTable(dynamo, tableName);
  table = { client: documentClient(dynamo), tableName };
  const units = new DynamoUnitStore(table);
  for (const id of unitIds) {
    await units.create({
      id,
      name: `${id} 单位`,
      class: classes[id],
      contacts: [],
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
    });
  }
  const commissions = new DynamoCommissionStore(table);
  await commissions.create(
    {
      commissionId,
      topic: '冬季供暖保障情况',
      requirements: '请报送供暖保障的做法与成效',
      deadline,
      year: 2026,
      targetAll: false,
      unitCount: 3,
      createdAt: '2026-10-01T00:00:00.000Z',
      createdBy: 'editor-token-0001',
    },
    [...unitIds],
  );
  const policies = new DynamoPolicyStore(table);
  itemsDeps = {
    items: new DynamoItemStore(table),
    units,
    history: new DynamoHistoryStore(table),
    mail: { dispatch: async () => {} },
    duplicateIndex: inProcessIndexer(table),
    scoring: { policies, commissions },
    now: () => clock,
  };
  const scoringFacts = new DynamoScoringFactStore(table);
  const bulletins = new DynamoBulletinStore(table);
  policyDeps = {
    policies,
    units,
    scoringFacts: (year) => scoringFacts.ofYear(year),
    publishedIssues: (year) => bulletins.ofYear(year),
    itemFacts: (itemId) => new DynamoFactStore(table).ofItem(itemId),
    replays: new DynamoReplayStore(table),
    now: () => {
      replayClock += 60_000;
      return new Date(replayClock);
    },
  };
});

afterAll(() => {
  table?.client.destroy();
});

describe('scoring in the table', () => {
  it('scores a first 约稿 answer on time, a late one late, a second answer not at all, and a late important item', async () => {
    await submit('linqu', '2026-10-15T02:00:00.000Z', text('临朐县供暖保障有力有序', { commissionId }));
    await submit('linqu', '2026-10-16T02:00:00.000Z', text('临朐县供暖保障再添新举措', { commissionId }));
    await submit(
      'linqu',
      '2026-10-16T03:00:00.000Z',
      text('临朐县突发山火得到有效处置', { urgency: 'important', eventDate: '2026-10-01' }),
    );
    await submit('fgw', '2026-10-25T02:00:00.000Z', text('市发展改革委保障供暖用气', { commissionId }));
    expect((await lines('linqu')).map((line) => line.reason)).toEqual([
      '约稿“冬季供暖保障情况”按时报送 +2',
      '重要紧急信息迟报 -5',
    ]);
    expect((await lines('fgw')).map((line) => line.reason)).toEqual(['约稿“冬季供暖保障情况”逾期报送 -1']);
    expect(await counters('2026-10', 'linqu')).toMatchObject({ submitted: 3, points: -3 });
    await expectCountersEqualLedger();
  });

  it('closes October once: quota lines and the missed 约稿; a second run writes nothing', async () => {
    const deps = { ...monthCloseDeps(table), now: () => new Date('2026-11-01T00:00:00.000Z') };
    const first = await closeMonth(deps, '2026-11-01T00:00:00.000Z');
    expect(first).toEqual({ job: 'month-close', period: '2026-10', units: 3, lines: 4, skipped: 0 });
    expect((await lines('anqiu')).map((line) => line.reason)).toEqual([
      '约稿“冬季供暖保障情况”未报送 -2',
      '2026年10月报送 0 篇，未完成每月 4 篇任务，缺 4 篇 -8',
    ]);
    const second = await closeMonth(deps, '2026-11-01T00:05:00.000Z', '2026-10');
    expect(second).toEqual({ job: 'month-close', period: '2026-10', units: 3, lines: 0, skipped: 3 });
    expect(await lines('anqiu')).toHaveLength(2);
    await expectCountersEqualLedger();
  });

  it('keeps the miss when the unit answers after the month was closed', async () => {
    await submit('anqiu', '2026-11-02T02:00:00.000Z', text('安丘市供暖保障情况补报', { commissionId }));
    expect((await lines('anqiu')).map((line) => line.rule)).toEqual([
      'commission:missed',
      'quota:county:missed',
    ]);
    await expectCountersEqualLedger();
  });

  it('refuses an answer that read its 约稿 as pending just before the close scored it missed (409), storing nothing', async () => {
    const commissions = new DynamoCommissionStore(table);
    const row = await commissions.unitRow(commissionId, 'anqiu');
    expect(row?.fact).toEqual({ outcome: 'missed' });
    const before = await lines('anqiu');
    // The answer's read happened before the close: pending, not scored.
    const raced: ItemsDeps = {
      ...itemsDeps,
      scoring: {
        ...itemsDeps.scoring,
        commissions: {
          unitRow: async () => (row ? { ...row, status: 'pending' as const, fact: undefined } : undefined),
        },
      },
    };
    clock = new Date('2026-11-02T03:00:00.000Z');
    await expect(
      submitItem(raced, reporter('anqiu'), text('安丘市供暖保障情况再报', { commissionId })),
    ).rejects.toMatchObject({ code: 'SCORING_CONFLICT' });
    expect(await lines('anqiu')).toEqual(before);
    expect((await commissions.unitRow(commissionId, 'anqiu'))?.fact).toEqual({ outcome: 'missed' });
    await expectCountersEqualLedger();
  });

  it('counts an upper adoption of a merged item once for the city, on the lead unit', async () => {
    const merged = await submit('linqu', '2026-10-17T02:00:00.000Z', text('临朐县与发改委联合推进集中供暖'));
    const adopted: Item = { ...merged, status: 'adopted', coUnits: ['fgw'], version: 2 };
    await itemsDeps.items.update(adopted, 1, []);
    await recordUpperAdoption(
      {
        facts: new DynamoFactStore(table),
        items: itemsDeps.items,
        units: itemsDeps.units,
        policies: policyDeps.policies,
        now: () => new Date('2026-11-20T02:00:00.000Z'),
      },
      editor,
      merged.itemId,
      { publicationId: 'province-zwxx', date: '2026-10-30' },
    );
    expect(await counters('2026', 'linqu')).toMatchObject({
      upperAdopted: 1,
      upperItems: 1,
      'upperItemsBy:province-zwxx': 1,
    });
    const fgw = await counters('2026', 'fgw');
    expect(fgw).toMatchObject({ upperAdopted: 1 });
    expect(fgw.upperItems).toBeUndefined();
    await expectCountersEqualLedger();
  });

  it('replays the year: nothing under the same policy, new points under a new one, nothing the second time', async () => {
    // An upper adoption recorded before scoring facts were kept: the replay reads the item's own row.
    const [upperFact] = (await new DynamoScoringFactStore(table).ofYear(2026)).filter(
      (fact) => fact.kind === 'upper-adopted',
    );
    expect(upperFact).toBeDefined();
    if (upperFact)
      await table.client.send(new DeleteCommand({ TableName: tableName, Key: scoringFactKey(upperFact) }));
    const unchanged = await replayPolicy(policyDeps, admin, 2026, false);
    expect(unchanged).toMatchObject({ linesWritten: 0, linesDeleted: 0, changes: [] });
    expect(unchanged.linesAfter).toBe(unchanged.linesBefore);

    const { year: _year, version: _version, ...policy } = defaultPolicy(2026);
    await putPolicy(
      policyDeps,
      2026,
      {
        ...policy,
        commission: { ...policy.commission, answeredBonus: 4 },
        quotas: policy.quotas.map((quota) => ({ ...quota, deductionPerMissing: 3 })),
      },
      admin.tokenId,
    );
    const anqiuBefore = cents(await lines('anqiu'));
    const preview = await replayPolicy(policyDeps, admin, 2026, true);
    expect(cents(await lines('anqiu'))).toBe(anqiuBefore);
    const replayed = await replayPolicy(policyDeps, admin, 2026, false);
    expect(replayed.changes).toEqual(preview.changes);
    expect(replayed.changes.find((change) => change.unitId === 'anqiu')).toMatchObject({
      before: -10,
      after: -14,
      delta: -4,
    });
    // linqu: +4 on time, -5 late important, quota 3 of 4 → -3, half the upper adoption (10 / 2).
    expect(replayed.changes.find((change) => change.unitId === 'linqu')).toMatchObject({
      after: 4 - 5 - 3 + 5,
    });
    expect((await lines('linqu')).every((line) => line.policyVersion === 1)).toBe(true);
    await expectCountersEqualLedger();

    const again = await replayPolicy(policyDeps, admin, 2026, false);
    expect(again).toMatchObject({ linesWritten: 0, linesDeleted: 0, changes: [], policyVersion: 1 });
    await expectCountersEqualLedger();

    const { replays } = await listReplays(policyDeps, 2026);
    expect(replays.map((entry) => [entry.policyVersion, entry.linesWritten, entry.by])).toEqual([
      [1, 0, admin.tokenId],
      [1, replayed.linesWritten, admin.tokenId],
      [0, 0, admin.tokenId],
    ]);
  });

  it('scores a retried submission (same Idempotency-Key) once', async () => {
    const once = idempotentSubmit(
      (principal, body) => submitItem(itemsDeps, principal, body),
      dynamo,
      tableName,
    );
    clock = new Date('2026-11-03T02:00:00.000Z');
    const body = text('市发展改革委处置燃气管道泄漏', { urgency: 'important', eventDate: '2026-10-25' });
    const first = await once('retry-key-fgw-0001', reporter('fgw'), body);
    const retried = await once('retry-key-fgw-0001', reporter('fgw'), body);
    expect(retried.itemId).toBe(first.itemId);
    const november = await lines('fgw', '2026-11-01', '2026-12-01');
    expect(november.map((line) => line.reason)).toEqual(['重要紧急信息迟报 -5']);
    expect(await counters('2026-11', 'fgw')).toMatchObject({ submitted: 1, points: -5 });
    await expectCountersEqualLedger();
  });
});
