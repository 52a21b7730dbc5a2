import {
  GetCommand,
  PutCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalDynamo, startLocalDynamo } from '../../../infra/local/dynamo';
import { type Clients, clientsFor, codesOf, outcome } from './support/clients';
import { createItemsTable } from './support/tables';

// Isolation of the front's readers-writer lock. Counter-style checks barely notice a missing lock
// (the notes measured it), so these look for the failure itself: a reader seeing a write that a
// transaction applied and then rolled back, or a snapshot torn between two transactions.

const RUN_MS = 1_500;

describe('local DynamoDB isolation', { timeout: 30_000 }, () => {
  let local: LocalDynamo | undefined;
  let clients: Clients | undefined;
  beforeAll(async () => {
    local = await startLocalDynamo({ port: 0 });
    clients = clientsFor(local.endpoint);
  });
  afterAll(async () => {
    clients?.client.destroy();
    await local?.close();
  });
  const ctx = (): Clients => {
    if (!clients) throw new Error('not started');
    return clients;
  };

  it('never lets a plain read see the writes of a transaction cancelled while applying', async () => {
    const { client, doc } = ctx();
    const table = await createItemsTable(client);
    await doc.send(new PutCommand({ TableName: table, Item: { pk: 'x', sk: '1', v: 'clean' } }));
    await doc.send(new PutCommand({ TableName: table, Item: { pk: 's', sk: '1', text: 'not a number' } }));
    // The first action applies; the second fails only on apply (ADD to a string): full rollback.
    const doomed = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: table,
            Key: { pk: 'x', sk: '1' },
            UpdateExpression: 'SET v = :d',
            ExpressionAttributeValues: { ':d': 'dirty' },
          },
        },
        {
          Update: {
            TableName: table,
            Key: { pk: 's', sk: '1' },
            UpdateExpression: 'ADD #t :one',
            ExpressionAttributeNames: { '#t': 'text' },
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ],
    });

    const deadline = Date.now() + RUN_MS;
    let cancelled = 0;
    const seen = new Map<string, number>();
    const writer = async () => {
      while (Date.now() < deadline) {
        const result = await outcome(doc.send(doomed));
        expect(codesOf(result)).toEqual(['None', 'ValidationError']);
        cancelled += 1;
      }
    };
    const reader = async () => {
      while (Date.now() < deadline) {
        const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { pk: 'x', sk: '1' } }));
        const v = String(Item?.v);
        seen.set(v, (seen.get(v) ?? 0) + 1);
      }
    };
    await Promise.all([writer(), writer(), reader(), reader(), reader(), reader(), reader(), reader()]);

    expect(cancelled).toBeGreaterThan(10);
    expect(seen.get('clean')).toBeGreaterThan(50);
    expect([...seen.keys()]).toEqual(['clean']);
  });

  it('gives TransactGetItems a snapshot that is never torn by a concurrent transaction', async () => {
    const { client, doc } = ctx();
    const table = await createItemsTable(client);
    await doc.send(new PutCommand({ TableName: table, Item: { pk: 'a', sk: '1', n: 100 } }));
    await doc.send(new PutCommand({ TableName: table, Item: { pk: 'b', sk: '1', n: 0 } }));
    // Moves one unit from a to b: the sum stays 100 in every committed state.
    const move = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: table,
            Key: { pk: 'a', sk: '1' },
            UpdateExpression: 'SET n = n - :one',
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
        {
          Update: {
            TableName: table,
            Key: { pk: 'b', sk: '1' },
            UpdateExpression: 'SET n = n + :one',
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ],
    });
    const snapshot = new TransactGetCommand({
      TransactItems: [
        { Get: { TableName: table, Key: { pk: 'a', sk: '1' } } },
        { Get: { TableName: table, Key: { pk: 'b', sk: '1' } } },
      ],
    });

    const sums: number[] = [];
    let moves = 0;
    const mover = async () => {
      while (moves < 100) {
        moves += 1;
        await doc.send(move);
      }
    };
    const reader = async () => {
      while (moves < 100) {
        const { Responses } = await doc.send(snapshot);
        sums.push(Number(Responses?.[0]?.Item?.n) + Number(Responses?.[1]?.Item?.n));
      }
    };
    await Promise.all([mover(), mover(), reader(), reader(), reader()]);

    expect(sums.length).toBeGreaterThan(10);
    expect(new Set(sums)).toEqual(new Set([100]));
    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { pk: 'b', sk: '1' } }));
    expect(Item?.n).toBe(moves);
  });

  it('never lets a rollback undo a concurrent plain write', async () => {
    const { client, doc } = ctx();
    const table = await createItemsTable(client);
    const key = { pk: 'x', sk: '1' };
    await doc.send(new PutCommand({ TableName: table, Item: { ...key, n: 0 } }));
    await doc.send(new PutCommand({ TableName: table, Item: { pk: 's', sk: '1', text: 'not a number' } }));
    // Touches x, then fails on apply: the rollback restores x's before-image.
    const doomed = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: table,
            Key: key,
            UpdateExpression: 'SET touched = :t',
            ExpressionAttributeValues: { ':t': true },
          },
        },
        {
          Update: {
            TableName: table,
            Key: { pk: 's', sk: '1' },
            UpdateExpression: 'ADD #t :one',
            ExpressionAttributeNames: { '#t': 'text' },
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ],
    });
    const increment = new UpdateCommand({
      TableName: table,
      Key: key,
      UpdateExpression: 'ADD n :one',
      ExpressionAttributeValues: { ':one': 1 },
    });

    let increments = 0;
    const deadline = Date.now() + RUN_MS / 2;
    const writer = async () => {
      while (Date.now() < deadline) await outcome(doc.send(doomed));
    };
    const incrementer = async () => {
      while (Date.now() < deadline) {
        await doc.send(increment);
        increments += 1;
      }
    };
    await Promise.all([writer(), writer(), incrementer(), incrementer(), incrementer()]);

    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
    expect(increments).toBeGreaterThan(20);
    expect(Item).toEqual({ ...key, n: increments });
  });
});
