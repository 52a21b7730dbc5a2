import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand, GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalDynamo, startLocalDynamo } from '../../../infra/local/dynamo';
import { openLevelIterators } from '../../../infra/local/dynamo/level-iterators';
import { type Clients, clientsFor } from './support/clients';
import { createItemsTable, GSI } from './support/tables';

// An iterator dynalite leaves open keeps a LevelDB snapshot: memory grows with every Query and
// compaction cannot drop old versions, so the data folder of a busy year grows to many GB.
describe('local DynamoDB range reads', { timeout: 60_000 }, () => {
  let dataDir: string;
  let local: LocalDynamo;
  let clients: Clients;
  let table: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'xinbao-dynamo-iterators-'));
    local = await startLocalDynamo({ port: 0, dataDir });
    clients = clientsFor(local.endpoint);
    table = await createItemsTable(clients.client);
    for (let batch = 0; batch < 3; batch += 1) {
      const items = Array.from({ length: 20 }, (_, i) => ({
        pk: `unit-${batch}`,
        sk: String(i).padStart(3, '0'),
        status: i % 2 === 0 ? 'open' : 'done',
      }));
      await clients.doc.send(
        new BatchWriteCommand({ RequestItems: { [table]: items.map((Item) => ({ PutRequest: { Item } })) } }),
      );
    }
  });

  afterAll(async () => {
    clients.client.destroy();
    await local.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('releases every iterator after Queries, paged Queries, index Queries, Scans and Gets', async () => {
    const reads: Promise<number>[] = [];
    for (let round = 0; round < 40; round += 1) {
      const pk = `unit-${round % 3}`;
      reads.push(
        clients.doc
          .send(
            new QueryCommand({
              TableName: table,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': pk },
            }),
          )
          .then((answer) => answer.Items?.length ?? -1),
        clients.doc
          .send(
            new QueryCommand({
              TableName: table,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': pk },
              Limit: 3,
            }),
          )
          .then((answer) => answer.Items?.length ?? -1),
        clients.doc
          .send(
            new QueryCommand({
              TableName: table,
              IndexName: GSI,
              KeyConditionExpression: '#s = :s',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':s': 'open' },
              Limit: 7,
            }),
          )
          .then((answer) => answer.Items?.length ?? -1),
        clients.doc
          .send(new ScanCommand({ TableName: table, Limit: 5 }))
          .then((answer) => answer.Items?.length ?? -1),
        clients.doc
          .send(new GetCommand({ TableName: table, Key: { pk, sk: '004' } }))
          .then((answer) => (answer.Item ? 1 : 0)),
      );
    }
    const counts = await Promise.all(reads);
    expect(counts.slice(0, 5)).toEqual([20, 3, 7, 5, 1]);
    expect(new Set(counts.filter((_, i) => i % 5 === 0))).toEqual(new Set([20]));

    await expect.poll(() => openLevelIterators(), { timeout: 5_000 }).toBe(0);
  });

  it('still answers complete pages after the iterators were closed', async () => {
    const seen: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await clients.doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': 'unit-1' },
          Limit: 6,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of page.Items ?? []) seen.push(String(item.sk));
      start = page.LastEvaluatedKey;
    } while (start);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => String(i).padStart(3, '0')));
    await expect.poll(() => openLevelIterators(), { timeout: 5_000 }).toBe(0);
  });
});
