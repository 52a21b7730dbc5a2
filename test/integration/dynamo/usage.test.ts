import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalDynamo, startLocalDynamo } from '../../../infra/local/dynamo';
import { ensureTable } from '../../../infra/local/provision';
import { type LocalUsage, startUsage, usagePath } from '../../../infra/local/usage';
import { type Clients, clientsFor } from './support/clients';

// The bench's bill reads what the local DynamoDB front counted: the units must follow DynamoDB's
// on-demand rules (1 KB per write unit, once more per GSI, transactions twice; 4 KB per read unit,
// halved when eventually consistent).
describe('local DynamoDB usage counting', { timeout: 60_000 }, () => {
  let dataDir: string;
  let local: LocalDynamo;
  let clients: Clients;
  const tableName = 'usage-test';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'xinbao-dynamo-usage-'));
    local = await startLocalDynamo({ port: 0, dataDir });
    clients = clientsFor(local.endpoint);
    await ensureTable(clients.client, tableName);
    startUsage({ s3: 'http://127.0.0.1:1', ses: 'http://127.0.0.1:2' });
  });

  afterAll(async () => {
    clients.client.destroy();
    await local.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const usage = async () => (await (await fetch(`${local.endpoint}${usagePath}`)).json()) as LocalUsage;

  it('counts write units by size and GSI, read units by size, and transactions twice', async () => {
    const text = 'x'.repeat(1500);
    await clients.doc.send(new PutCommand({ TableName: tableName, Item: { pk: 'A', sk: '1', text } }));
    await clients.doc.send(
      new PutCommand({ TableName: tableName, Item: { pk: 'A', sk: '2', gsi1pk: 'G', gsi1sk: '2', text } }),
    );
    const found = await clients.doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'A' },
      }),
    );
    expect(found.Items).toHaveLength(2);
    await clients.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: { pk: 'B', sk: '1' } } },
          { Put: { TableName: tableName, Item: { pk: 'B', sk: '2' } } },
        ],
      }),
    );

    const counted = await usage();
    // 1.5 KB: 2 units; with a GSI key: 2 more for the index.
    expect(counted.dynamo.PutItem).toEqual({ requests: 2, readUnits: 0, writeUnits: 2 + 4 });
    // Two items of about 1.5 KB: 3 KB, one 4 KB unit, halved (eventually consistent).
    expect(counted.dynamo.Query).toEqual({ requests: 1, readUnits: 0.5, writeUnits: 0 });
    expect(counted.dynamo.TransactWriteItems).toEqual({ requests: 1, readUnits: 0, writeUnits: 4 });
  });
});
