import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, TransactGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalDynamo } from '../../../infra/local/dynamo';
import { type Clients, clientsFor, nameOf, outcome } from './support/clients';
import { createItemsTable, GSI } from './support/tables';

describe('local DynamoDB persistence', { timeout: 30_000 }, () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('keeps tables, items, GSI entries and committed transactions across close and restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'xinbao-dynamo-persist-'));
    dirs.push(dataDir);

    const table = await withLocal(dataDir, async ({ client, doc }) => {
      const name = await createItemsTable(client);
      await doc.send(new PutCommand({ TableName: name, Item: { pk: 'plain', sk: '1', status: 'open' } }));
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: name, Item: { pk: 'tx', sk: '1', status: 'open', n: 7 } } },
            {
              ConditionCheck: {
                TableName: name,
                Key: { pk: 'plain', sk: '1' },
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
          ],
        }),
      );
      return name;
    });

    await withLocal(dataDir, async ({ client, doc }) => {
      const described = await client.send(new DescribeTableCommand({ TableName: table }));
      expect(described.Table?.GlobalSecondaryIndexes?.[0]?.IndexName).toBe(GSI);
      const snapshot = await doc.send(
        new TransactGetCommand({
          TransactItems: [
            { Get: { TableName: table, Key: { pk: 'plain', sk: '1' } } },
            { Get: { TableName: table, Key: { pk: 'tx', sk: '1' } } },
          ],
        }),
      );
      expect(snapshot.Responses).toEqual([
        { Item: { pk: 'plain', sk: '1', status: 'open' } },
        { Item: { pk: 'tx', sk: '1', status: 'open', n: 7 } },
      ]);
      const open = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: GSI,
          KeyConditionExpression: '#s = :open',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':open': 'open' },
        }),
      );
      expect(open.Count).toBe(2);
    });
  });

  it('keeps nothing without a data directory', async () => {
    const table = await withLocal(undefined, ({ client }) => createItemsTable(client));
    await withLocal(undefined, async ({ client }) => {
      const described = await outcome(client.send(new DescribeTableCommand({ TableName: table })));
      expect(nameOf(described)).toBe('ResourceNotFoundException');
    });
  });
});

async function withLocal<T>(dataDir: string | undefined, work: (clients: Clients) => Promise<T>): Promise<T> {
  const local = await startLocalDynamo({ port: 0, ...(dataDir ? { dataDir } : {}) });
  expect(local.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
  const clients = clientsFor(local.endpoint);
  try {
    return await work(clients);
  } finally {
    clients.client.destroy();
    await local.close();
  }
}
