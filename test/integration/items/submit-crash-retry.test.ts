/**
 * A submission that dies between its transaction and the idempotency record, retried after the
 * record's in-progress window: the real idempotency layer on the real local store. The first
 * attempt stores its item and then never answers (the process is gone: its record stays "in
 * progress" until it expires); the retry with the same key must answer with that item and store
 * nothing new — the key was claimed inside the submit transaction.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ItemsDeps } from '../../../functions/items/deps';
import { idempotentSubmit } from '../../../functions/items/submit-item/idempotent';
import { submitItem } from '../../../functions/items/submit-item/use-case';
import { localDynamoClient } from '../../../infra/local/aws';
import { ensureTable } from '../../../infra/local/provision';
import { monthOf } from '../../../shared/domain/periods';
import type { UnitPrincipal } from '../../../shared/domain/roles';
import type { Item, ItemSubmit } from '../../../shared/schemas/items';
import { periodCounters } from '../../../shared/store/dynamo/aggregates';
import { documentClient, type TableRef } from '../../../shared/store/dynamo/client';
import { DynamoCommissionStore } from '../../../shared/store/dynamo/commissions';
import { DynamoHistoryStore } from '../../../shared/store/dynamo/history';
import { DynamoItemStore } from '../../../shared/store/dynamo/items';
import { keys } from '../../../shared/store/dynamo/keys';
import { DynamoPolicyStore } from '../../../shared/store/dynamo/policy';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';
import { inProcessIndexer } from '../../support/duplicate-index';
import { lambdaContext } from '../../support/http-events';

let dynamo: DynamoDBClient;
let table: TableRef;
let deps: ItemsDeps;
const tableName = `crash-retry-${randomBytes(4).toString('hex')}`;
const reporter: UnitPrincipal = {
  role: 'reporter',
  unitId: 'linqu',
  tokenId: 'reporter-linqu-0001',
};
const now = new Date();

const text = (title: string): ItemSubmit => ({
  title,
  body: `${title}。全县上下扎实推进各项工作，新建改造供热管网12公里，供暖面积达到860万平方米，群众满意度明显提升。`,
  eventDate: now.toISOString().slice(0, 10),
  urgency: 'normal',
  openness: 'public',
  secrecy: 'non-secret',
  approver: '张主任',
  author: { name: '李四', phone: '0536-1234567' },
});

/** A Lambda about to time out: the idempotency layer sets the record's in-progress window to what is left. */
const dyingContext: Context = { ...lambdaContext, getRemainingTimeInMillis: () => 1 };

/**
 * The first attempt: the submit transaction commits, then the process dies before the idempotency layer
 * records the answer. Resolves with the stored item once the transaction is done.
 */
function crashAfterTransaction(key: string, body: ItemSubmit): Promise<Item> {
  return new Promise((stored) => {
    const dies = idempotentSubmit(
      async (principal, input, claimKey) => {
        stored(await submitItem(deps, principal, input, claimKey));
        // Never answers: nothing after the transaction runs, as when the process is killed.
        return new Promise<Item>(() => undefined);
      },
      dynamo,
      tableName,
    );
    void dies(key, reporter, body, dyingContext);
  });
}

/** A fresh process retrying, once the dead attempt's in-progress window (1 ms) has passed. */
async function retryLater(key: string, body: ItemSubmit): Promise<Item> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const retry = idempotentSubmit(
    (principal, input, claimKey) => submitItem(deps, principal, input, claimKey),
    dynamo,
    tableName,
  );
  return retry(key, reporter, body, lambdaContext);
}

async function itemsOfUnit(): Promise<Item[]> {
  const page = await deps.items.page({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': `UNITITEMS#${reporter.unitId}` },
    Limit: 100,
    ScanIndexForward: false,
  });
  return page.items;
}

async function submittedThisMonth(): Promise<number> {
  const { Item } = await table.client.send(
    new GetCommand({
      TableName: tableName,
      Key: keys.aggregate(monthOf(now).slice(0, 4), reporter.unitId),
      ConsistentRead: true,
    }),
  );
  return periodCounters(Item, monthOf(now)).submitted ?? 0;
}

beforeAll(async () => {
  dynamo = localDynamoClient(inject('dynamodbEndpoint'));
  await ensureTable(dynamo, tableName);
  table = { client: documentClient(dynamo), tableName };
  const units = new DynamoUnitStore(table);
  await units.create({
    id: 'linqu',
    name: '临朐县人民政府',
    class: 'county',
    contacts: [],
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  });
  deps = {
    items: new DynamoItemStore(table),
    units,
    history: new DynamoHistoryStore(table),
    mail: { dispatch: async () => {} },
    duplicateIndex: inProcessIndexer(table),
    scoring: {
      policies: new DynamoPolicyStore(table),
      commissions: new DynamoCommissionStore(table),
    },
    now: () => new Date(),
  };
});

afterAll(() => {
  table?.client.destroy();
});

describe('a submission that dies after its transaction, retried after the in-progress window', () => {
  it('answers the retry with the stored item and stores no second one', async () => {
    const body = text('临朐县冬季供暖保障有力有序');
    const first = await crashAfterTransaction('crash-key-00000001', body);
    const retried = await retryLater('crash-key-00000001', body);
    expect(retried.itemId).toBe(first.itemId);
    expect((await itemsOfUnit()).map((item) => item.itemId)).toEqual([first.itemId]);
    expect(await submittedThisMonth()).toBe(1);
    // And the answer is now recorded: one more retry gets it straight from the idempotency record.
    expect((await retryLater('crash-key-00000001', body)).itemId).toBe(first.itemId);
  });

  it('stores one item when two attempts with one key race past the idempotency layer', async () => {
    const body = text('临朐县重点项目集中开工');
    const before = (await itemsOfUnit()).length;
    const [one, two] = await Promise.all([
      submitItem(deps, reporter, body, 'race-key-00000001'),
      submitItem(deps, reporter, body, 'race-key-00000001'),
    ]);
    expect(two.itemId).toBe(one.itemId);
    expect(await itemsOfUnit()).toHaveLength(before + 1);
  });

  it('refuses the same key with another text after such a crash (422), storing nothing', async () => {
    await crashAfterTransaction('crash-key-00000002', text('临朐县农村人居环境整治扎实推进'));
    const before = (await itemsOfUnit()).length;
    const refused = await retryLater('crash-key-00000002', text('临朐县另一篇完全不同的稿件')).then(
      () => undefined,
      (error: { status: number; code: string }) => error,
    );
    expect(refused).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await itemsOfUnit()).toHaveLength(before);
    expect(await submittedThisMonth()).toBe(before);
  });
});
