/** Upper-level facts against the real local store: one transaction per fact, and retries that never double count. */
import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FactsDeps } from '../../../functions/facts/deps';
import { getItemFacts } from '../../../functions/facts/get-facts/use-case';
import { recordFeedback } from '../../../functions/facts/record-feedback/use-case';
import { recordForwarded } from '../../../functions/facts/record-forwarded/use-case';
import { recordInstruction } from '../../../functions/facts/record-instruction/use-case';
import { recordUpperAdoption } from '../../../functions/facts/record-upper-adoption/use-case';
import { localDynamoClient } from '../../../infra/local/aws';
import { ensureTable } from '../../../infra/local/provision';
import type { Principal } from '../../../shared/domain/roles';
import type { Item } from '../../../shared/schemas/items';
import { periodCounters } from '../../../shared/store/dynamo/aggregates';
import { documentClient, type TableRef } from '../../../shared/store/dynamo/client';
import { DynamoFactStore, type FactWrite } from '../../../shared/store/dynamo/facts';
import { DynamoHistoryStore } from '../../../shared/store/dynamo/history';
import { DynamoItemStore } from '../../../shared/store/dynamo/items';
import { keys } from '../../../shared/store/dynamo/keys';
import { ledgerOf } from '../../../shared/store/dynamo/ledger';
import { DynamoPolicyStore } from '../../../shared/store/dynamo/policy';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';

let table: TableRef;
let items: DynamoItemStore;
let facts: DynamoFactStore;
let deps: FactsDeps;
const tableName = `facts-${randomBytes(4).toString('hex')}`;
const editor: Principal = { role: 'editor', tokenId: 'editor-token-0001' };
const reporter: Principal = { role: 'reporter', tokenId: 'reporter-token-01', unitId: 'linqu' };

const unit = (id: string, unitClass: 'county' | 'department') => ({
  id,
  name: `${id} 单位`,
  class: unitClass,
  contacts: [],
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

function item(itemId: string, status: Item['status'], coUnits: string[] = []): Item {
  return {
    itemId,
    unitId: 'linqu',
    status,
    title: '临朐县冬季供暖保障有力有序',
    body: '入冬以来，临朐县新建改造供热管网12公里，供暖面积达到860万平方米，群众满意度明显提升。',
    eventDate: '2026-11-02',
    urgency: 'normal',
    openness: 'public',
    approver: '张主任',
    author: { name: '李四', phone: '0536-1234567' },
    submittedAt: '2026-11-02T01:00:00.000Z',
    updatedAt: '2026-11-02T01:00:00.000Z',
    revisions: [],
    findings: [],
    duplicates: [],
    coUnits,
    version: 1,
  };
}

const adopted = 'it_0000000000000000000f01';
const merged = 'it_0000000000000000000f02';
const submitted = 'it_0000000000000000000f03';

/** A unit's counters of a period: attributes of its year row. */
async function aggregate(period: string, unitId: string) {
  const { Item } = await table.client.send(
    new GetCommand({
      TableName: tableName,
      Key: keys.aggregate(period.slice(0, 4), unitId),
      ConsistentRead: true,
    }),
  );
  return { unitClass: Item?.unitClass, ...periodCounters(Item, period) };
}

beforeAll(async () => {
  const client = localDynamoClient(inject('dynamodbEndpoint'));
  await ensureTable(client, tableName);
  table = { client: documentClient(client), tableName };
  items = new DynamoItemStore(table);
  facts = new DynamoFactStore(table);
  const units = new DynamoUnitStore(table);
  await units.create(unit('linqu', 'county'));
  await units.create(unit('fagaiwei', 'department'));
  for (const entry of [
    item(adopted, 'adopted'),
    item(merged, 'adopted', ['fagaiwei']),
    item(submitted, 'submitted'),
  ]) {
    await items.submit({
      item: entry,
      event: {
        at: entry.submittedAt,
        by: 'reporter-token-01',
        role: 'reporter',
        action: 'submit',
        to: 'submitted',
      },
      unitClass: 'county',
      signature: [],
    });
  }
  deps = {
    facts,
    items,
    units,
    policies: new DynamoPolicyStore(table),
    now: () => new Date('2026-11-20T02:00:00.000Z'),
  };
});

afterAll(() => {
  table?.client.destroy();
});

describe('upper-level facts in DynamoDB', () => {
  it('writes the fact, its event, its ledger line and the counters of every period together', async () => {
    await recordForwarded(deps, editor, adopted, { date: '2026-11-05' });
    await recordUpperAdoption(deps, editor, adopted, { publicationId: 'province-szzb', date: '2026-11-12' });
    const lines = await ledgerOf(table, 'linqu', '2026-11-01', '2026-12-01');
    expect(lines).toEqual([
      expect.objectContaining({
        refId: adopted,
        rule: 'upper:province-szzb',
        points: 36,
        reason: '《省长专报》采用（经市政府办公室报送 ×1.2）+36',
        at: '2026-11-12T04:00:00.000Z',
      }),
    ]);
    for (const period of ['2026-11', '2026-Q4', '2026']) {
      expect(await aggregate(period, 'linqu')).toMatchObject({
        upperAdopted: 1,
        points: 36,
        unitClass: 'county',
      });
    }
    const events = await new DynamoHistoryStore(table).list(adopted);
    // The test clock stands still, so these events share one timestamp and their order is not defined.
    expect(events.map((event) => event.action).sort()).toEqual(['forward', 'submit', 'upper-adopt']);
  });

  it('never counts a retried fact twice: the use case and the raw transaction both meet the fact key', async () => {
    await expect(
      recordUpperAdoption(deps, editor, adopted, { publicationId: 'province-szzb', date: '2026-11-12' }),
    ).rejects.toMatchObject({ status: 409 });
    const rows = await facts.ofItem(adopted);
    const [fact] = rows.upperAdoptions;
    if (!fact) throw new Error('no fact stored');
    const retry: FactWrite = {
      fact: { kind: 'upper', fact },
      event: { at: '2026-11-20T02:00:01.000Z', by: editor.tokenId, role: 'editor', action: 'upper-adopt' },
      itemStatus: 'adopted',
      ledger: [],
      counters: [
        { unitId: 'linqu', unitClass: 'county', period: '2026-11', add: { upperAdopted: 1, points: 36 } },
      ],
      duplicate: { code: 'ALREADY_ADOPTED_UPPER', message: '已记录' },
    };
    await expect(facts.record(retry)).rejects.toMatchObject({ status: 409, code: 'ALREADY_ADOPTED_UPPER' });
    expect(await aggregate('2026-11', 'linqu')).toMatchObject({ upperAdopted: 1, points: 36 });
    expect(await ledgerOf(table, 'linqu', '2026-11-01', '2026-12-01')).toHaveLength(1);
    await expect(recordForwarded(deps, editor, adopted, { date: '2026-11-06' })).rejects.toMatchObject({
      status: 409,
      code: 'ALREADY_FORWARDED',
    });
  });

  it('scores 批示 by level once per item, splits a merged item, and takes feedback once', async () => {
    const first = await recordInstruction(deps, editor, merged, {
      leader: '王市长',
      level: 'city',
      date: '2026-11-15',
      text: '此件很好，请有关部门学习借鉴。',
      feedbackDue: '2026-11-25',
    });
    await recordInstruction(deps, editor, merged, {
      leader: '李副市长',
      level: 'city',
      date: '2026-11-15',
      text: '同意王市长意见。',
      feedbackDue: '2026-11-25',
    });
    const lines = await ledgerOf(table, 'fagaiwei', '2026-11-01', '2026-12-01');
    expect(lines.map((line) => line.points)).toEqual([2.5, 0]);
    expect(await aggregate('2026-11', 'fagaiwei')).toMatchObject({
      instructions: 2,
      points: 2.5,
      unitClass: 'department',
    });
    expect(await aggregate('2026', 'linqu')).toMatchObject({ instructions: 2, points: 38.5 });
    const done = await recordFeedback(deps, reporter, merged, first.instructionId, { date: '2026-11-18' });
    expect(done.feedbackStatus).toBe('on-time');
    await expect(
      recordFeedback(deps, reporter, merged, first.instructionId, { date: '2026-11-19' }),
    ).rejects.toMatchObject({ status: 409 });
    const view = await getItemFacts(deps, reporter, merged);
    expect(view.instructions.map((row) => row.feedbackStatus).sort()).toEqual(['on-time', 'pending']);
  });

  it('refuses a fact on an item that is not adopted, and writes nothing', async () => {
    await expect(
      recordInstruction(deps, editor, submitted, {
        leader: '王市长',
        level: 'province',
        date: '2026-11-15',
        text: '请阅。',
        feedbackDue: '2026-11-25',
      }),
    ).rejects.toMatchObject({ status: 422, code: 'NOT_ADOPTED' });
    const rows = await facts.ofItem(submitted);
    expect(rows.instructions).toEqual([]);
  });
});
