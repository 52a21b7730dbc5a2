/** Rate-limit counters against the real local store: the limit holds under concurrency and expires. */
import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDynamoClient } from '../../../infra/local/aws';
import { ensureTable } from '../../../infra/local/provision';
import { rateLimits } from '../../../shared/catalogue/rate-limits';
import { documentClient, type TableRef } from '../../../shared/store/dynamo/client';
import { keys } from '../../../shared/store/dynamo/keys';
import { DynamoRateCounter } from '../../../shared/store/dynamo/rate-counter';

let table: TableRef;
let counter: DynamoRateCounter;
const tableName = `rate-${randomBytes(4).toString('hex')}`;
const limit = rateLimits.precheck;
const now = new Date('2026-11-20T02:00:10.000Z');

beforeAll(async () => {
  const client = localDynamoClient(inject('dynamodbEndpoint'));
  await ensureTable(client, tableName);
  table = { client: documentClient(client), tableName };
  counter = new DynamoRateCounter(table);
});

afterAll(() => {
  table?.client.destroy();
});

describe('rate-limit counters in the table', () => {
  it('admits exactly the limit of 80 concurrent requests and tells the rest when to retry', async () => {
    const decisions = await Promise.all(
      Array.from({ length: 80 }, () => counter.consume('tk_burst', 'precheckItem', limit, now)),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(limit.limit);
    expect(decisions.filter((decision) => !decision.allowed)).toEqual(
      Array.from({ length: 20 }, () => ({ allowed: false, retryAfterSeconds: 50 })),
    );
    const windowStart = Math.floor(now.getTime() / 60_000) * 60;
    const { Item } = await table.client.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.rateWindow('tk_burst', 'precheckItem', windowStart),
        ConsistentRead: true,
      }),
    );
    expect(Item).toMatchObject({ requests: limit.limit, expiresAt: windowStart + 120 });
  });

  it('counts each caller and each route apart, and starts again in the next window', async () => {
    expect(await counter.consume('tk_other', 'precheckItem', limit, now)).toEqual({ allowed: true });
    expect(await counter.consume('tk_burst', 'submitItem', rateLimits.submit, now)).toEqual({
      allowed: true,
    });
    const nextWindow = new Date(now.getTime() + 60_000);
    expect(await counter.consume('tk_burst', 'precheckItem', limit, nextWindow)).toEqual({ allowed: true });
  });
});
