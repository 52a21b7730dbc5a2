/**
 * The table-access declaration as the local runtime enforces it: the same rules the CDK app
 * writes into IAM (partition patterns per action, index queries per index, nothing else).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { functions } from '#shared/catalogue/functions';
import { allows, matchesPattern, type TableAccess, tableRequests } from '#shared/catalogue/table-access';
import { documentClient } from '#shared/store/dynamo/client';
import { DynamoTokenStore } from '#shared/store/dynamo/tokens';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import { createFunctionHost } from '../../../infra/local/lambda/host';
import { enforceTableAccess } from '../../../infra/local/lambda/table-guard';

describe('tableRequests: the authorisations a request needs', () => {
  it('reads the partition of a marshalled key, and each item of a transaction', () => {
    expect(tableRequests('GetItem', { Key: { pk: { S: 'UNITS' }, sk: { S: 'UNIT#a' } } })).toEqual([
      { action: 'GetItem', partition: 'UNITS' },
    ]);
    expect(
      tableRequests('TransactWriteItems', {
        TransactItems: [
          { Put: { Item: { pk: { S: 'ITEM#1' }, sk: { S: 'ITEM' } } } },
          { Update: { Key: { pk: { S: 'AGG#2026' }, sk: { S: 'UNIT#a' } } } },
          { ConditionCheck: { Key: { pk: { S: 'UNITS' }, sk: { S: 'UNIT#a' } } } },
          { Delete: { Key: { pk: { S: 'JOBMAIL#x' }, sk: { S: 'y' } } } },
        ],
      }),
    ).toEqual([
      { action: 'PutItem', partition: 'ITEM#1' },
      { action: 'UpdateItem', partition: 'AGG#2026' },
      { action: 'ConditionCheckItem', partition: 'UNITS' },
      { action: 'DeleteItem', partition: 'JOBMAIL#x' },
    ]);
  });

  it("takes a query's partition from its key condition, on the index's own partition key", () => {
    expect(
      tableRequests('Query', {
        IndexName: 'gsi2',
        KeyConditionExpression: '#pk = :p AND begins_with(gsi2sk, :s)',
        ExpressionAttributeNames: { '#pk': 'gsi2pk' },
        ExpressionAttributeValues: { ':p': { S: 'UNITITEMS#weicheng' }, ':s': { S: '2026' } },
      }),
    ).toEqual([{ action: 'Query', index: 'gsi2', partition: 'UNITITEMS#weicheng' }]);
  });

  it('turns a Scan or a table operation into a request no declaration admits', () => {
    const everything: TableAccess = { read: ['*'], write: ['*'], delete: ['*'], query: { gsi1: ['*'] } };
    for (const operation of ['Scan', 'DeleteTable']) {
      for (const request of tableRequests(operation, {})) expect(allows(everything, request)).toBe(false);
    }
  });

  it('needs a batch action for each row of a batch, admitted only where batchGet / batchWrite say', () => {
    const batchGet = tableRequests('BatchGetItem', {
      RequestItems: {
        xinbao: {
          Keys: [
            { pk: { S: 'DUPSIG#it_1' }, sk: { S: 'DUPSIG' } },
            { pk: { S: 'ITEM#it_1' }, sk: { S: 'ITEM' } },
          ],
        },
      },
    });
    expect(batchGet).toEqual([
      { action: 'BatchGetItem', partition: 'DUPSIG#it_1' },
      { action: 'BatchGetItem', partition: 'ITEM#it_1' },
    ]);
    const batchWrite = tableRequests('BatchWriteItem', {
      RequestItems: {
        xinbao: [
          { PutRequest: { Item: { pk: { S: 'LSH#3#00ab12cd' }, sk: { S: 'x' } } } },
          { DeleteRequest: { Key: { pk: { S: 'ITEM#it_1' }, sk: { S: 'ITEM' } } } },
        ],
      },
    });
    expect(batchWrite).toEqual([
      { action: 'BatchWriteItem', partition: 'LSH#3#00ab12cd' },
      { action: 'BatchWriteItem', partition: 'ITEM#it_1' },
    ]);
    // Reading and writing a partition row by row does not admit batches of it.
    const everything: TableAccess = { read: ['*'], write: ['*'], delete: ['*'] };
    for (const request of [...batchGet, ...batchWrite]) expect(allows(everything, request)).toBe(false);
    const indexer: TableAccess = { batchGet: ['DUPSIG#*'], batchWrite: ['LSH#*'] };
    expect(batchGet.map((request) => allows(indexer, request))).toEqual([true, false]);
    expect(batchWrite.map((request) => allows(indexer, request))).toEqual([true, false]);
  });
});

describe('allows', () => {
  const access: TableAccess = { read: ['UNITS'], write: ['TOKEN#*'], query: { gsi1: ['TOKENS'] } };

  it('admits reads of read or written partitions, writes of written ones only', () => {
    expect(allows(access, { action: 'GetItem', partition: 'UNITS' })).toBe(true);
    expect(allows(access, { action: 'GetItem', partition: 'TOKEN#ab' })).toBe(true);
    expect(allows(access, { action: 'UpdateItem', partition: 'TOKEN#ab' })).toBe(true);
    expect(allows(access, { action: 'PutItem', partition: 'UNITS' })).toBe(false);
    expect(allows(access, { action: 'DeleteItem', partition: 'TOKEN#ab' })).toBe(false);
  });

  it('admits updates, but no new rows, where only updates are declared', () => {
    const touch: TableAccess = { update: ['TOKEN#*'] };
    expect(allows(touch, { action: 'UpdateItem', partition: 'TOKEN#ab' })).toBe(true);
    expect(allows(touch, { action: 'GetItem', partition: 'TOKEN#ab' })).toBe(true);
    expect(allows(touch, { action: 'PutItem', partition: 'TOKEN#ab' })).toBe(false);
  });

  it('admits index queries only on the declared index and partitions', () => {
    expect(allows(access, { action: 'Query', index: 'gsi1', partition: 'TOKENS' })).toBe(true);
    expect(allows(access, { action: 'Query', index: 'gsi1', partition: 'QUEUE#submitted' })).toBe(false);
    expect(allows(access, { action: 'Query', index: 'gsi2', partition: 'TOKENS' })).toBe(false);
  });

  it('matches IAM StringLike patterns exactly', () => {
    expect(matchesPattern('ITEM#it_1', 'ITEM#*')).toBe(true);
    expect(matchesPattern('ITEMS#2026-11', 'ITEM#*')).toBe(false);
    expect(matchesPattern('UNITS', 'UNITS')).toBe(true);
    expect(matchesPattern('UNITSX', 'UNITS')).toBe(false);
    expect(matchesPattern('OUTBOX#pending', 'OUTBOX#pending')).toBe(true);
  });
});

describe('the local runtime enforces each function’s declaration', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  // Nothing listens there: a request the guard lets through fails to connect instead.
  const table = () => ({
    client: documentClient(
      new DynamoDBClient({
        endpoint: 'http://127.0.0.1:9',
        region: 'us-east-1',
        maxAttempts: 1,
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      }),
    ),
    tableName: 't',
  });
  const host = (work: () => Promise<unknown>) =>
    createFunctionHost({
      specs: { authorizer: functions.authorizer, units: functions.units },
      load: async () => async () => {
        try {
          await work();
          return 'ok';
        } catch (error) {
          return (error as Error).name;
        }
      },
    });

  it('refuses the authorizer a unit row, before anything is sent, and reports it', async () => {
    const denied: string[] = [];
    stop = enforceTableAccess((error) => denied.push(error.message));
    const answer = await host(() => new DynamoUnitStore(table()).get('weicheng')).invoke('authorizer', {});
    expect(answer).toBe('AccessDeniedException');
    expect(denied).toEqual([
      expect.stringContaining('authorizer is not authorized to perform dynamodb:GetItem'),
    ]);
  });

  it('lets the authorizer read token rows and the units function read unit rows', async () => {
    stop = enforceTableAccess();
    const tokens = await host(() => new DynamoTokenStore(table()).findByHash('ab')).invoke('authorizer', {});
    const units = await host(() => new DynamoUnitStore(table()).get('weicheng')).invoke('units', {});
    for (const answer of [tokens, units]) expect(answer).not.toBe('AccessDeniedException');
  });

  it('leaves requests made outside any invocation (provisioning, demo data) alone', async () => {
    stop = enforceTableAccess();
    const error = await new DynamoUnitStore(table()).get('weicheng').catch((caught: Error) => caught);
    expect((error as Error).name).not.toBe('AccessDeniedException');
  });
});

describe('the 先进个人 figures', () => {
  it("live on the units' counter rows: the scores function reads those and batch-reads people's names, and no function touches a person counter row", () => {
    const scores = functions.scores.access.table;
    expect(scores).toBeDefined();
    if (!scores) return;
    expect(allows(scores, { action: 'Query', partition: 'AGG#2026' })).toBe(true);
    expect(allows(scores, { action: 'BatchGetItem', partition: 'PERSON#3f2c9a4e' })).toBe(true);
    expect(allows(scores, { action: 'BatchGetItem', partition: 'ITEM#it_1' })).toBe(false);
    for (const spec of Object.values(functions)) {
      expect(JSON.stringify(spec.access)).not.toContain('PAGG');
    }
  });
});
