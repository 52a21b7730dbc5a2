/** The policy store against the local DynamoDB: versions, the LATEST copy, and concurrent saves. */
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getPolicy } from '../../../functions/policy/get-policy/use-case';
import { putPolicy } from '../../../functions/policy/put-policy/use-case';
import { localDynamoClient } from '../../../infra/local/aws';
import { ensureTable } from '../../../infra/local/provision';
import { defaultPolicy } from '../../../shared/domain/scoring/defaults';
import { documentClient, type TableRef } from '../../../shared/store/dynamo/client';
import { DynamoPolicyStore, policyKeys } from '../../../shared/store/dynamo/policy';

let table: TableRef;
const { year: _y, version: _v, ...body } = defaultPolicy(2026);
const at = '2026-11-25T08:00:00.000Z';

beforeAll(async () => {
  const client = localDynamoClient(inject('dynamodbEndpoint'));
  const tableName = `policy-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, tableName);
  table = { client: documentClient(client), tableName };
});

afterAll(async () => {
  table?.client.destroy();
});

describe('DynamoPolicyStore', () => {
  it('has nothing before the first save, then numbers versions and moves LATEST', async () => {
    const store = new DynamoPolicyStore(table);
    expect(await store.latest(2026)).toBeUndefined();
    const first = await store.put(2026, body, 0, 'tok-a', at);
    expect(first).toMatchObject({ year: 2026, version: 1, updatedBy: 'tok-a', updatedAt: at });
    const second = await store.put(2026, { ...body, seriesPoints: { zwxx: 4, zb: 8 } }, 1, 'tok-b', at);
    expect(second.version).toBe(2);
    expect(await store.latest(2026, true)).toEqual(second);
    expect(await store.version(2026, 1)).toEqual(first);
    expect(await store.version(2026, 2)).toEqual(second);
    expect(await store.version(2026, 3)).toBeUndefined();
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.tableName, Key: policyKeys.version(2026, 2) }),
    );
    expect(Item?.sk).toBe('V#000002');
    expect(await store.latest(2027)).toBeUndefined();
  });

  it('refuses a save based on a stale version with 409 and changes nothing', async () => {
    const store = new DynamoPolicyStore(table);
    await store.put(2030, body, 0, 'tok-a', at);
    await expect(store.put(2030, body, 0, 'tok-b', at)).rejects.toMatchObject({
      status: 409,
      code: 'POLICY_CHANGED',
    });
    await store.put(2030, { ...body, silentDays: 7 }, 1, 'tok-a', at);
    await expect(store.put(2030, { ...body, silentDays: 30 }, 1, 'tok-b', at)).rejects.toMatchObject({
      status: 409,
    });
    const latest = await store.latest(2030, true);
    expect(latest).toMatchObject({ version: 2, silentDays: 7 });
    expect(await store.version(2030, 3)).toBeUndefined();
  });

  it('lets exactly one of two concurrent saves win', async () => {
    const store = new DynamoPolicyStore(table);
    const results = await Promise.allSettled([
      store.put(2031, { ...body, silentDays: 10 }, 0, 'tok-a', at),
      store.put(2031, { ...body, silentDays: 20 }, 0, 'tok-b', at),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect((await store.latest(2031, true))?.version).toBe(1);
  });

  it('serves the use cases: defaults first, then each stored version', async () => {
    const deps = { policies: new DynamoPolicyStore(table), now: () => new Date(at) };
    expect(await getPolicy(deps, 2040)).toEqual(defaultPolicy(2040));
    await putPolicy(deps, 2040, body, 'tok-a');
    const v2 = await putPolicy(deps, 2040, { ...body, accumulate: true }, 'tok-a');
    expect(v2.version).toBe(2);
    expect((await getPolicy(deps, 2040, 1)).accumulate).toBe(false);
    expect((await getPolicy(deps, 2040, 2)).accumulate).toBe(true);
  });
});
