import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { expect, it } from 'vitest';
import { codesOf, nameOf, outcome } from './clients';
import { type CheckContext, expectPerTarget } from './deviations';
import { byStatus, get, put } from './items';
import { createItemsTable } from './tables';

/** TransactWriteItems semantics: commit, cancellation reasons, rollback. */
export function writeChecks(ctx: CheckContext): void {
  it('commits Put, Update, Delete and ConditionCheck together', async () => {
    const { client, doc } = ctx();
    const table = await createItemsTable(client);
    await put(doc, table, { pk: 'u', sk: '1', n: 1 });
    await put(doc, table, { pk: 'd', sk: '1' });
    await put(doc, table, { pk: 'c', sk: '1', state: 'ready' });

    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: { pk: 'p', sk: '1', v: 'new' },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: table,
              Key: { pk: 'u', sk: '1' },
              UpdateExpression: 'SET n = n + :one',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
          {
            Delete: {
              TableName: table,
              Key: { pk: 'd', sk: '1' },
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          {
            ConditionCheck: {
              TableName: table,
              Key: { pk: 'c', sk: '1' },
              ConditionExpression: '#s = :ready',
              ExpressionAttributeNames: { '#s': 'state' },
              ExpressionAttributeValues: { ':ready': 'ready' },
            },
          },
        ],
      }),
    );

    expect(await get(doc, table, 'p')).toEqual({ pk: 'p', sk: '1', v: 'new' });
    expect(await get(doc, table, 'u')).toEqual({ pk: 'u', sk: '1', n: 2 });
    expect(await get(doc, table, 'd')).toBeUndefined();
    expect(await get(doc, table, 'c')).toEqual({ pk: 'c', sk: '1', state: 'ready' });
  });

  it('cancels every action when one condition fails, with one reason per action in order', async () => {
    const { client, doc } = ctx();
    const table = await createItemsTable(client);
    await put(doc, table, { pk: 'taken', sk: '1', v: 'old' });
    await put(doc, table, { pk: 'u', sk: '1', n: 1 });

    const result = await outcome(
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table, Item: { pk: 'fresh', sk: '1' } } },
            {
              Put: {
                TableName: table,
                Item: { pk: 'taken', sk: '1', v: 'new' },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: table,
                Key: { pk: 'u', sk: '1' },
                UpdateExpression: 'SET n = :n',
                ExpressionAttributeValues: { ':n': 9 },
              },
            },
          ],
        }),
      ),
    );

    expect(nameOf(result)).toBe('TransactionCanceledException');
    expect(codesOf(result)).toEqual(['None', 'ConditionalCheckFailed', 'None']);
    expect(result.ok ? '' : result.message).toContain('[None, ConditionalCheckFailed, None]');
    expect(await get(doc, table, 'fresh')).toBeUndefined();
    expect(await get(doc, table, 'taken')).toEqual({ pk: 'taken', sk: '1', v: 'old' });
    expect(await get(doc, table, 'u')).toEqual({ pk: 'u', sk: '1', n: 1 });
  });

  it('returns the stored item in the reason with ReturnValuesOnConditionCheckFailure ALL_OLD', async () => {
    const { client, doc } = ctx();
    const table = await createItemsTable(client);
    await put(doc, table, { pk: 'a', sk: '1', n: 5 });

    const result = await outcome(
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table, Item: { pk: 'b', sk: '1' } } },
            {
              Update: {
                TableName: table,
                Key: { pk: 'a', sk: '1' },
                UpdateExpression: 'SET n = :ten',
                ConditionExpression: 'n = :one',
                ExpressionAttributeValues: { ':one': 1, ':ten': 10 },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
          ],
        }),
      ),
    );

    expect(codesOf(result)).toEqual(['None', 'ConditionalCheckFailed']);
    const reason = result.ok ? undefined : result.reasons?.[1];
    expect(reason).toMatchObject({
      Code: 'ConditionalCheckFailed',
      Item: { pk: { S: 'a' }, sk: { S: '1' }, n: { N: '5' } },
    });
    expect(result.ok ? undefined : result.reasons?.[0]).not.toHaveProperty('Item');
  });

  it('cancels the writes when only a ConditionCheck fails', async () => {
    const { client, doc } = ctx();
    const table = await createItemsTable(client);
    await put(doc, table, { pk: 'c', sk: '1', state: 'closed' });

    const result = await outcome(
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: table,
                Key: { pk: 'c', sk: '1' },
                ConditionExpression: '#s = :open',
                ExpressionAttributeNames: { '#s': 'state' },
                ExpressionAttributeValues: { ':open': 'open' },
              },
            },
            { Put: { TableName: table, Item: { pk: 'w', sk: '1' } } },
          ],
        }),
      ),
    );

    expect(codesOf(result)).toEqual(['ConditionalCheckFailed', 'None']);
    expect(await get(doc, table, 'w')).toBeUndefined();
  });

  it('judges every condition on the state before the transaction', async () => {
    const { client, doc } = ctx();
    const table = await createItemsTable(client);
    await put(doc, table, { pk: 'a', sk: '1', n: 1 });
    await put(doc, table, { pk: 'b', sk: '1' });
    const transaction = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: table,
            Key: { pk: 'a', sk: '1' },
            UpdateExpression: 'SET n = n + :one',
            ConditionExpression: 'n = :one',
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
        {
          Delete: {
            TableName: table,
            Key: { pk: 'b', sk: '1' },
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        {
          Put: {
            TableName: table,
            Item: { pk: 'b2', sk: '1' },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    });

    await doc.send(transaction);
    expect(await get(doc, table, 'a')).toEqual({ pk: 'a', sk: '1', n: 2 });

    // Same request again: now every condition is false against the committed state.
    const again = await outcome(doc.send(transaction));
    expect(codesOf(again)).toEqual([
      'ConditionalCheckFailed',
      'ConditionalCheckFailed',
      'ConditionalCheckFailed',
    ]);
    expect(await get(doc, table, 'a')).toEqual({ pk: 'a', sk: '1', n: 2 });
  });

  it('cancels with ValidationError at the position of an action that fails on stored data', async () => {
    const { t, client, doc } = ctx();
    const table = await createItemsTable(client);
    await put(doc, table, { pk: 'c', sk: '1', v: 'old' });
    await put(doc, table, { pk: 's', sk: '1', text: 'not a number' });
    await put(doc, table, { pk: 'd', sk: '1' });

    const result = await outcome(
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table, Item: { pk: 'new', sk: '1' } } },
            {
              Update: {
                TableName: table,
                Key: { pk: 'c', sk: '1' },
                UpdateExpression: 'SET v = :v',
                ExpressionAttributeValues: { ':v': 'changed' },
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
            { Delete: { TableName: table, Key: { pk: 'd', sk: '1' } } },
          ],
        }),
      ),
    );

    await expectPerTarget(t, 'storedDataPlainError', {
      documented: () => {
        expect(nameOf(result)).toBe('TransactionCanceledException');
        expect(codesOf(result)).toEqual(['None', 'None', 'ValidationError', 'None']);
      },
      motoObserved: () => {
        expect(nameOf(result)).toBe('ValidationException');
        expect(codesOf(result)).toEqual([]);
      },
    });
    expect(await get(doc, table, 'new')).toBeUndefined();
    expect(await get(doc, table, 'c')).toEqual({ pk: 'c', sk: '1', v: 'old' });
    expect(await get(doc, table, 's')).toEqual({ pk: 's', sk: '1', text: 'not a number' });
    expect(await get(doc, table, 'd')).toEqual({ pk: 'd', sk: '1' });
  });

  it('sums a counter exactly under 50 transactions (concurrent on ours, one at a time on moto)', async () => {
    const { t, client, doc } = ctx();
    const table = await createItemsTable(client);
    await put(doc, table, { pk: 'counter', sk: '1', n: 0 });
    const increment = (i: number) =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: table,
                Key: { pk: 'counter', sk: '1' },
                UpdateExpression: 'SET n = n + :one',
                ConditionExpression: 'attribute_exists(n)',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
            {
              Put: {
                TableName: table,
                Item: { pk: 'log', sk: `${i}` },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );

    const runs = Array.from({ length: 50 }, (_, i) => i);
    // moto has no isolation under concurrency (notes): it only gets one request at a time.
    if (t.name === 'moto') for (const i of runs) await increment(i);
    else await Promise.all(runs.map(increment));

    expect(await get(doc, table, 'counter')).toEqual({ pk: 'counter', sk: '1', n: 50 });
    const log = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': 'log' },
      }),
    );
    expect(log.Count).toBe(50);
  });

  it('keeps the GSI consistent after a rolled-back transaction', async () => {
    const { client, doc } = ctx();
    const table = await createItemsTable(client);
    await put(doc, table, { pk: 'g', sk: '1', status: 'open' });
    await put(doc, table, { pk: 's', sk: '1', text: 'not a number' });

    const result = await outcome(
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: table,
                Key: { pk: 'g', sk: '1' },
                UpdateExpression: 'SET #st = :closed',
                ExpressionAttributeNames: { '#st': 'status' },
                ExpressionAttributeValues: { ':closed': 'closed' },
              },
            },
            { Put: { TableName: table, Item: { pk: 'h', sk: '2', status: 'closed' } } },
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
        }),
      ),
    );

    expect(nameOf(result)).not.toBe('ok');
    expect(await byStatus(doc, table, 'open')).toEqual([{ pk: 'g', sk: '1', status: 'open' }]);
    expect(await byStatus(doc, table, 'closed')).toEqual([]);
  });
}
