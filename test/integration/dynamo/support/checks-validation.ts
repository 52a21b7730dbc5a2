import { ScanCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { TransactGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { expect, it } from 'vitest';
import { nameOf, outcome } from './clients';
import { type CheckContext, expectPerTarget } from './deviations';
import { get, put } from './items';
import { createItemsTable, createNumberKeyTable } from './tables';

/** Requests DynamoDB refuses as a whole, and ClientRequestToken idempotency. */
export function validationChecks(ctx: CheckContext): void {
  it('rejects an empty TransactItems with ValidationException', async () => {
    const { t, doc } = ctx();
    const write = await outcome(doc.send(new TransactWriteCommand({ TransactItems: [] })));
    const read = await outcome(doc.send(new TransactGetCommand({ TransactItems: [] })));

    await expectPerTarget(t, 'emptyAccepted', {
      documented: () => {
        expect(nameOf(write)).toBe('ValidationException');
        expect(nameOf(read)).toBe('ValidationException');
      },
      motoObserved: () => {
        expect(nameOf(write)).toBe('ok');
        expect(nameOf(read)).toBe('ok');
      },
    });
  });

  it('rejects 101 actions with ValidationException', async () => {
    const { client, doc } = ctx();
    const table = await createItemsTable(client);
    const keys = Array.from({ length: 101 }, (_, i) => ({ pk: `k${i}`, sk: '1' }));

    const write = await outcome(
      doc.send(
        new TransactWriteCommand({
          TransactItems: keys.map((Key) => ({
            ConditionCheck: { TableName: table, Key, ConditionExpression: 'attribute_not_exists(pk)' },
          })),
        }),
      ),
    );
    const read = await outcome(
      doc.send(
        new TransactGetCommand({ TransactItems: keys.map((Key) => ({ Get: { TableName: table, Key } })) }),
      ),
    );

    expect(nameOf(write)).toBe('ValidationException');
    expect(nameOf(read)).toBe('ValidationException');
  });

  it('accepts 100 gets in one TransactGetItems', async () => {
    const { t, client, doc } = ctx();
    const table = await createItemsTable(client);
    const keys = Array.from({ length: 100 }, (_, i) => ({ pk: `k${i}`, sk: '1' }));

    const read = await outcome(
      doc.send(
        new TransactGetCommand({ TransactItems: keys.map((Key) => ({ Get: { TableName: table, Key } })) }),
      ),
    );

    await expectPerTarget(t, 'getsCappedAt25', {
      documented: () => {
        expect(nameOf(read)).toBe('ok');
        expect(read.ok ? read.value.Responses : []).toHaveLength(100);
      },
      motoObserved: () => expect(nameOf(read)).toBe('ValidationException'),
    });
  });

  it('rejects the same item twice with ValidationException', async () => {
    const { client, doc } = ctx();
    const table = await createItemsTable(client);

    const result = await outcome(
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table, Item: { pk: 'a', sk: '1', v: 1 } } },
            {
              Update: {
                TableName: table,
                Key: { pk: 'a', sk: '1' },
                UpdateExpression: 'SET v = :v',
                ExpressionAttributeValues: { ':v': 2 },
              },
            },
          ],
        }),
      ),
    );

    expect(nameOf(result)).toBe('ValidationException');
    expect(await get(doc, table, 'a')).toBeUndefined();
  });

  it('treats number keys 1 and 1.0 as the same item', async () => {
    const { t, client } = ctx();
    const table = await createNumberKeyTable(client);

    // Low-level client: the document client would normalise 1.0 to "1" before sending.
    const result = await outcome(
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: table, Item: { id: { N: '1' }, v: { S: 'a' } } } },
            { Delete: { TableName: table, Key: { id: { N: '1.0' } } } },
          ],
        }),
      ),
    );

    const stored = await client.send(new ScanCommand({ TableName: table, ConsistentRead: true }));
    await expectPerTarget(t, 'numbersComparedAsText', {
      documented: () => {
        expect(nameOf(result)).toBe('ValidationException');
        expect(stored.Items).toEqual([]);
      },
      // The Put and then the Delete of "1.0" both applied: the item is gone.
      motoObserved: () => {
        expect(nameOf(result)).toBe('ok');
        expect(stored.Items).toEqual([]);
      },
    });
  });

  it('rejects a transaction over 4 MB with ValidationException', async () => {
    const { t, client, doc } = ctx();
    const table = await createItemsTable(client);
    const big = 'x'.repeat(390_000); // each item stays under the 400 KB item limit
    const items = Array.from({ length: 11 }, (_, i) => ({ pk: `big${i}`, sk: '1', big }));

    const result = await outcome(
      doc.send(
        new TransactWriteCommand({
          TransactItems: items.map((Item) => ({ Put: { TableName: table, Item } })),
        }),
      ),
    );

    const first = await get(doc, table, 'big0');
    await expectPerTarget(t, 'noSizeLimit', {
      documented: () => {
        expect(nameOf(result)).toBe('ValidationException');
        expect(first).toBeUndefined();
      },
      motoObserved: () => {
        expect(nameOf(result)).toBe('ok');
        expect(first).toMatchObject({ pk: 'big0' });
      },
    });
  });

  it('rejects an unknown table with ResourceNotFoundException', async () => {
    const { doc } = ctx();
    const write = await outcome(
      doc.send(
        new TransactWriteCommand({
          TransactItems: [{ Put: { TableName: 'no_such_table', Item: { pk: 'a', sk: '1' } } }],
        }),
      ),
    );
    const read = await outcome(
      doc.send(
        new TransactGetCommand({
          TransactItems: [{ Get: { TableName: 'no_such_table', Key: { pk: 'a', sk: '1' } } }],
        }),
      ),
    );

    expect(nameOf(write)).toBe('ResourceNotFoundException');
    expect(nameOf(read)).toBe('ResourceNotFoundException');
  });

  it('treats a repeated ClientRequestToken with the same parameters as a no-op', async () => {
    const { t, client, doc } = ctx();
    const table = await createItemsTable(client);
    await put(doc, table, { pk: 'n', sk: '1', n: 0 });
    const increment = () =>
      doc.send(
        new TransactWriteCommand({
          ClientRequestToken: `token-${table}`,
          TransactItems: [
            {
              Update: {
                TableName: table,
                Key: { pk: 'n', sk: '1' },
                UpdateExpression: 'ADD n :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );

    await increment();
    const repeat = await outcome(increment());

    expect(nameOf(repeat)).toBe('ok');
    await expectPerTarget(t, 'tokenIgnored', {
      documented: async () => expect(await get(doc, table, 'n')).toEqual({ pk: 'n', sk: '1', n: 1 }),
      motoObserved: async () => expect(await get(doc, table, 'n')).toEqual({ pk: 'n', sk: '1', n: 2 }),
    });
  });

  it('rejects a ClientRequestToken reused with other parameters', async () => {
    const { t, client, doc } = ctx();
    const table = await createItemsTable(client);
    const token = `token-${table}`;
    const putItem = (v: string) =>
      doc.send(
        new TransactWriteCommand({
          ClientRequestToken: token,
          TransactItems: [{ Put: { TableName: table, Item: { pk: 'a', sk: '1', v } } }],
        }),
      );

    await putItem('first');
    const mismatch = await outcome(putItem('second'));

    await expectPerTarget(t, 'tokenIgnored', {
      documented: async () => {
        expect(nameOf(mismatch)).toBe('IdempotentParameterMismatchException');
        expect(await get(doc, table, 'a')).toEqual({ pk: 'a', sk: '1', v: 'first' });
      },
      motoObserved: async () => {
        expect(nameOf(mismatch)).toBe('ok');
        expect(await get(doc, table, 'a')).toEqual({ pk: 'a', sk: '1', v: 'second' });
      },
    });
  });
}
