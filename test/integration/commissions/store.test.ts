/** Commissions against the real local store: creation, the indexes, and answers in the submit transaction. */
import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDynamoClient } from '../../../infra/local/aws';
import { ensureTable } from '../../../infra/local/provision';
import type { Item } from '../../../shared/schemas/items';
import { documentClient, type TableRef } from '../../../shared/store/dynamo/client';
import { DynamoCommissionStore, type StoredCommission } from '../../../shared/store/dynamo/commissions';
import { DynamoItemStore } from '../../../shared/store/dynamo/items';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';

let table: TableRef;
let items: DynamoItemStore;
let commissions: DynamoCommissionStore;
const tableName = `commissions-${randomBytes(4).toString('hex')}`;

const unit = (id: string) => ({
  id,
  name: `${id} 人民政府`,
  class: 'county' as const,
  contacts: [],
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

function item(itemId: string, unitId: string, commissionId: string, submittedAt: string): Item {
  return {
    itemId,
    unitId,
    commissionId,
    status: 'submitted',
    title: '某县冬季供暖保障有力有序',
    body: '入冬以来，某县新建改造供热管网12公里，供暖面积达到860万平方米，群众满意度明显提升。',
    eventDate: '2026-11-23',
    urgency: 'normal',
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

const event = (at: string) => ({
  at,
  by: 'abcdefghijklmnop',
  role: 'reporter',
  action: 'submit',
  to: 'submitted',
});

const submit = (entry: Item) =>
  items.submit({
    item: entry,
    event: event(entry.submittedAt),
    unitClass: 'county',
    signature: [],
  });

function commission(commissionId: string, deadline: string, unitCount: number): StoredCommission {
  return {
    commissionId,
    topic: '冬季供暖保障工作情况',
    requirements: '请报送具体措施和成效',
    deadline,
    year: 2026,
    targetAll: false,
    unitCount,
    createdAt: '2026-11-20T00:00:00.000Z',
    createdBy: 'editor-token-0001',
  };
}

const cm1 = 'cm_000000000000000000001';
const cm2 = 'cm_000000000000000000002';
const cmBig = 'cm_000000000000000000003';

beforeAll(async () => {
  const client = localDynamoClient(inject('dynamodbEndpoint'));
  await ensureTable(client, tableName);
  table = { client: documentClient(client), tableName };
  items = new DynamoItemStore(table);
  commissions = new DynamoCommissionStore(table);
  const units = new DynamoUnitStore(table);
  for (const id of ['linqu', 'anqiu', 'zhucheng']) await units.create(unit(id));
  await commissions.create(commission(cm1, '2026-11-30T10:00:00.000Z', 2), ['anqiu', 'linqu']);
  await commissions.create(commission(cm2, '2026-11-28T10:00:00.000Z', 1), ['linqu']);
});

afterAll(() => {
  table?.client.destroy();
});

describe('DynamoCommissionStore', () => {
  it('stores the commission with a pending row per unit, on the year and unit indexes', async () => {
    const found = await commissions.get(cm1);
    expect(found?.commission).toMatchObject({ topic: '冬季供暖保障工作情况', unitCount: 2 });
    expect(found?.units.map((row) => [row.unitId, row.status])).toEqual([
      ['anqiu', 'pending'],
      ['linqu', 'pending'],
    ]);
    expect((await commissions.ofYear(2026)).map((c) => c.commissionId)).toEqual([cm2, cm1]);
    expect((await commissions.ofUnit('linqu')).map((row) => row.commissionId)).toEqual([cm2, cm1]);
    expect(await commissions.ofUnit('zhucheng')).toEqual([]);
    expect(await commissions.unitRow(cm1, 'zhucheng')).toBeUndefined();
    expect(await commissions.get('cm_000000000000000000099')).toBeUndefined();
  });

  it('writes more than one transaction of rows for a large commission, the commission last', async () => {
    const many = Array.from({ length: 130 }, (_, index) => `unit-${String(index).padStart(3, '0')}`);
    await commissions.create(
      { ...commission(cmBig, '2026-12-15T00:00:00.000Z', many.length), year: 2027 },
      many,
    );
    const found = await commissions.get(cmBig);
    expect(found?.units).toHaveLength(130);
  });

  it('refuses a second commission with the same id', async () => {
    await expect(
      commissions.create(commission(cm1, '2026-11-30T10:00:00.000Z', 1), ['zhucheng']),
    ).rejects.toMatchObject({
      status: 409,
    });
  });
});

describe('answering in the item submit transaction', () => {
  it('marks the first answer only; a second item is stored but leaves the row alone', async () => {
    await submit(item('it_00000000000000000101', 'linqu', cm1, '2026-11-25T02:00:00.000Z'));
    await submit(item('it_00000000000000000102', 'linqu', cm1, '2026-11-26T02:00:00.000Z'));
    const row = await commissions.unitRow(cm1, 'linqu');
    expect(row).toMatchObject({
      status: 'answered',
      itemId: 'it_00000000000000000101',
      answeredAt: '2026-11-25T02:00:00.000Z',
    });
    expect(await items.get('it_00000000000000000102')).toBeDefined();
    expect((await commissions.unitRow(cm1, 'anqiu'))?.status).toBe('pending');
  });

  it('refuses an answer to a commission that does not ask the unit, and stores nothing', async () => {
    await expect(
      submit(item('it_00000000000000000103', 'zhucheng', cm1, '2026-11-25T03:00:00.000Z')),
    ).rejects.toMatchObject({ status: 422, code: 'COMMISSION_NOT_FOR_UNIT' });
    await expect(
      submit(
        item('it_00000000000000000104', 'zhucheng', 'cm_000000000000000000099', '2026-11-25T03:00:00.000Z'),
      ),
    ).rejects.toMatchObject({ status: 422, code: 'COMMISSION_NOT_FOR_UNIT' });
    expect(await items.get('it_00000000000000000103')).toBeUndefined();
    expect(await items.get('it_00000000000000000104')).toBeUndefined();
    expect(await commissions.unitRow(cm1, 'zhucheng')).toBeUndefined();
    const aggregate = await table.client.send(
      new GetCommand({ TableName: tableName, Key: { pk: 'AGG#2026', sk: 'UNIT#zhucheng' } }),
    );
    expect(aggregate.Item).toBeUndefined();
  });

  it('keeps a late answer as answered; lateness is read against the deadline', async () => {
    await submit(item('it_00000000000000000105', 'linqu', cm2, '2026-11-29T00:00:00.000Z'));
    expect(await commissions.unitRow(cm2, 'linqu')).toMatchObject({
      status: 'answered',
      answeredAt: '2026-11-29T00:00:00.000Z',
      deadline: '2026-11-28T10:00:00.000Z',
    });
  });
});
