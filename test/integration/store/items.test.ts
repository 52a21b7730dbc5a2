/** The item store's transactions against the real local store. */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDynamoClient } from '../../../infra/local/aws';
import { ensureTable } from '../../../infra/local/provision';
import { lshBuckets } from '../../../shared/domain/quality/index';
import type { Item } from '../../../shared/schemas/items';
import { periodCounters } from '../../../shared/store/dynamo/aggregates';
import { documentClient, type TableRef } from '../../../shared/store/dynamo/client';
import { DynamoHistoryStore } from '../../../shared/store/dynamo/history';
import { DynamoItemStore } from '../../../shared/store/dynamo/items';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';
import { inProcessIndexer } from '../../support/duplicate-index';

let table: TableRef;
let items: DynamoItemStore;

const unit = (id: string, active = true) => ({
  id,
  name: `${id} 人民政府`,
  class: 'county' as const,
  contacts: [],
  active,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

function item(itemId: string, unitId: string, submittedAt = '2026-11-24T02:00:00.000Z'): Item {
  return {
    itemId,
    unitId,
    status: 'submitted',
    title: '某县新建5G基站120座',
    body: '截至11月底，某县新建5G基站120座，实现乡镇以上区域全覆盖。',
    eventDate: '2026-11-23',
    urgency: 'important',
    openness: 'public',
    approver: '张主任',
    author: { name: '李四', phone: '0536-1234567' },
    submittedAt,
    updatedAt: submittedAt,
    revisions: [],
    findings: [],
    duplicates: [],
    coUnits: [],
    version: 1,
  };
}

const event = {
  at: '2026-11-24T02:00:00.000Z',
  by: 'abcdefghijklmnop',
  role: 'reporter',
  action: 'submit',
  to: 'submitted',
};

beforeAll(async () => {
  const client = localDynamoClient(inject('dynamodbEndpoint'));
  await ensureTable(client, 'items-store');
  table = { client: documentClient(client), tableName: 'items-store' };
  items = new DynamoItemStore(table);
  const units = new DynamoUnitStore(table);
  await units.create(unit('linqu'));
  await units.create(unit('closed-zone', false));
});

afterAll(() => {
  table?.client.destroy();
});

describe('DynamoItemStore', () => {
  it('writes the item, its event, the unit time, the counters and its signature together; buckets after', async () => {
    await items.submit({
      item: item('it_00000000000000000001', 'linqu'),
      event,
      unitClass: 'county',
      signature: [1, 2, 3, 4],
    });
    expect((await items.get('it_00000000000000000001'))?.title).toBe('某县新建5G基站120座');
    const unitRow = await table.client.send(
      new GetCommand({ TableName: 'items-store', Key: { pk: 'UNITS', sk: 'UNIT#linqu' } }),
    );
    expect(unitRow.Item?.lastSubmittedAt).toBe('2026-11-24T02:00:00.000Z');
    // One counter row for the unit's year, every period's figures in it.
    const aggregate = await table.client.send(
      new GetCommand({ TableName: 'items-store', Key: { pk: 'AGG#2026', sk: 'UNIT#linqu' } }),
    );
    expect(aggregate.Item).toMatchObject({ unitClass: 'county', year: '2026' });
    for (const period of ['2026-11', '2026-Q4', '2026']) {
      expect(periodCounters(aggregate.Item, period)).toMatchObject({ submitted: 1, important: 1 });
    }
    expect(await new DynamoHistoryStore(table).list('it_00000000000000000001')).toEqual([event]);
    // The signature is stored with the item; its bucket rows come after the commit, from the indexer.
    const buckets = lshBuckets([1, 2, 3, 4]).slice(1, 2);
    expect(await items.duplicateCandidates(buckets, '2026-06-01T00:00:00.000Z')).toEqual([]);
    await inProcessIndexer(table).request(['it_00000000000000000001']);
    const candidates = await items.duplicateCandidates(buckets, '2026-06-01T00:00:00.000Z');
    expect(candidates).toEqual([
      {
        itemId: 'it_00000000000000000001',
        unitId: 'linqu',
        title: '某县新建5G基站120座',
        signature: [1, 2, 3, 4],
      },
    ]);
    expect(await items.duplicateCandidates(buckets, '2026-12-01T00:00:00.000Z')).toEqual([]);
  });

  it('refuses a submission from an inactive unit and writes nothing at all', async () => {
    await expect(
      items.submit({
        item: item('it_00000000000000000002', 'closed-zone'),
        event,
        unitClass: 'county',
        signature: [],
      }),
    ).rejects.toMatchObject({ status: 422, code: 'UNIT_INACTIVE' });
    expect(await items.get('it_00000000000000000002')).toBeUndefined();
    const aggregate = await table.client.send(
      new GetCommand({ TableName: 'items-store', Key: { pk: 'AGG#2026', sk: 'UNIT#closed-zone' } }),
    );
    expect(aggregate.Item).toBeUndefined();
  });

  it('applies an update only at the expected version and keeps the queue index in step', async () => {
    const current = await items.get('it_00000000000000000001');
    if (!current) throw new Error('missing');
    const next = { ...current, status: 'candidate' as const, version: 2 };
    await items.update(next, 1, [
      { ...event, at: '2026-11-24T03:00:00.000Z', action: 'decide', from: 'submitted', to: 'candidate' },
    ]);
    await expect(items.update({ ...next, status: 'rejected', version: 2 }, 1, [])).rejects.toMatchObject({
      status: 409,
    });
    const queue = await table.client.send(
      new QueryCommand({
        TableName: 'items-store',
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': 'QUEUE#candidate' },
      }),
    );
    expect(queue.Items?.map((entry) => entry.itemId)).toEqual(['it_00000000000000000001']);
    expect(
      (await new DynamoHistoryStore(table).list('it_00000000000000000001')).map((e) => e.action),
    ).toEqual(['submit', 'decide']);
  });
});
