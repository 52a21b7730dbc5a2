import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalDynamo } from '../../../infra/local/dynamo';
import { closeServer, listen } from '../../../infra/local/dynamo/servers';
import { type Child, endedWithin, startChild } from './support/child';
import { type Clients, clientsFor, nameOf, outcome } from './support/clients';
import { createItemsTable } from './support/tables';

// kill -9 between two writes of a transaction must not leave it half-applied after a restart.
// The child process SIGKILLs itself right after the first write (XINBAO_TX_CRASH_AFTER_WRITES=1,
// see infra/local/dynamo/crash-hook.ts); the journal must undo that write on the next start.

describe('local DynamoDB crash atomicity', { timeout: 60_000 }, () => {
  const dirs: string[] = [];
  const children: Child[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.process.kill('SIGKILL');
      await child.exited;
    }
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('undoes a transaction cut short by kill -9 before serving again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'xinbao-dynamo-crash-'));
    dirs.push(dataDir);

    // Setup in-process: table and two items, cleanly closed.
    let table = '';
    await withLocal(dataDir, async ({ client, doc }) => {
      table = await createItemsTable(client);
      await doc.send(new PutCommand({ TableName: table, Item: { pk: 'a', sk: '1', n: 1, status: 'open' } }));
      await doc.send(new PutCommand({ TableName: table, Item: { pk: 'b', sk: '1', n: 1 } }));
    });

    const child = await startChild(dataDir, { XINBAO_TX_CRASH_AFTER_WRITES: '1' });
    children.push(child);
    const { client, doc } = clientsFor(child.endpoint);
    const result = await outcome(
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: table,
                Key: { pk: 'a', sk: '1' },
                UpdateExpression: 'SET n = :two, #s = :done',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':two': 2, ':done': 'done' },
              },
            },
            {
              Update: {
                TableName: table,
                Key: { pk: 'b', sk: '1' },
                UpdateExpression: 'SET n = :two',
                ExpressionAttributeValues: { ':two': 2 },
              },
            },
            { Put: { TableName: table, Item: { pk: 'c', sk: '1' } } },
          ],
        }),
      ),
    );
    client.destroy();
    expect(nameOf(result)).not.toBe('ok');
    expect(await endedWithin(child, 10_000)).toBe('SIGKILL');
    expect(await readdir(join(dataDir, 'tx-journal'))).toHaveLength(1);

    // The store itself really is half-applied: the first write landed, the others did not.
    const raw = await readRawDynalite(dataDir, table);
    expect(raw).toEqual({ a: 2, b: 1, c: undefined });

    await withLocal(dataDir, async ({ doc }) => {
      expect(await item(doc, table, 'a')).toEqual({ pk: 'a', sk: '1', n: 1, status: 'open' });
      expect(await item(doc, table, 'b')).toEqual({ pk: 'b', sk: '1', n: 1 });
      expect(await item(doc, table, 'c')).toBeUndefined();
      // The GSI was restored through dynalite too.
      const done = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'byStatus',
          KeyConditionExpression: '#s = :done',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':done': 'done' },
        }),
      );
      expect(done.Items).toEqual([]);
    });
    expect(await readdir(join(dataDir, 'tx-journal'))).toEqual([]);
  });

  it('keeps a committed transaction after kill -9 (no journal left to undo it)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'xinbao-dynamo-crash-'));
    dirs.push(dataDir);
    const child = await startChild(dataDir);
    children.push(child);
    const { client, doc } = clientsFor(child.endpoint);
    const table = await createItemsTable(client);
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: { pk: 'a', sk: '1', n: 1 } } },
          { Put: { TableName: table, Item: { pk: 'b', sk: '1', n: 1 } } },
        ],
      }),
    );
    client.destroy();
    child.process.kill('SIGKILL');
    expect(await endedWithin(child, 10_000)).toBe('SIGKILL');

    await withLocal(dataDir, async ({ doc }) => {
      expect(await item(doc, table, 'a')).toEqual({ pk: 'a', sk: '1', n: 1 });
      expect(await item(doc, table, 'b')).toEqual({ pk: 'b', sk: '1', n: 1 });
    });
  });
});

async function withLocal(dataDir: string, work: (clients: Clients) => Promise<void>): Promise<void> {
  const local = await startLocalDynamo({ port: 0, dataDir });
  const clients = clientsFor(local.endpoint);
  try {
    await work(clients);
  } finally {
    clients.client.destroy();
    await local.close();
  }
}

async function item(
  doc: Clients['doc'],
  table: string,
  pk: string,
): Promise<Record<string, unknown> | undefined> {
  return (await doc.send(new GetCommand({ TableName: table, Key: { pk, sk: '1' }, ConsistentRead: true })))
    .Item;
}

/** Reads n of a, b, c straight from dynalite's store, bypassing the front and its recovery. */
async function readRawDynalite(dataDir: string, table: string): Promise<Record<string, unknown>> {
  const server = dynalite({ path: join(dataDir, 'dynalite'), createTableMs: 0 });
  const port = await listen(server, 0, '127.0.0.1');
  const { client, doc } = clientsFor(`http://127.0.0.1:${port}`);
  try {
    const values: Record<string, unknown> = {};
    for (const pk of ['a', 'b', 'c']) values[pk] = (await item(doc, table, pk))?.n;
    return values;
  } finally {
    client.destroy();
    await closeServer(server);
  }
}
