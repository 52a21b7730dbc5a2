import { TransactGetCommand } from '@aws-sdk/lib-dynamodb';
import { expect, it } from 'vitest';
import { type CheckContext, expectPerTarget } from './deviations';
import { put } from './items';
import { createItemsTable } from './tables';

/** TransactGetItems semantics. */
export function getChecks(ctx: CheckContext): void {
  it('answers {} for a missing item in TransactGetItems', async () => {
    const { client, doc } = ctx();
    const table = await createItemsTable(client);
    await put(doc, table, { pk: 'here', sk: '1', v: 1 });

    const answer = await doc.send(
      new TransactGetCommand({
        TransactItems: [
          { Get: { TableName: table, Key: { pk: 'missing', sk: '1' } } },
          { Get: { TableName: table, Key: { pk: 'here', sk: '1' } } },
        ],
      }),
    );

    expect(answer.Responses).toEqual([{}, { Item: { pk: 'here', sk: '1', v: 1 } }]);
  });

  it('applies ProjectionExpression per get', async () => {
    const { t, client, doc } = ctx();
    const table = await createItemsTable(client);
    await put(doc, table, { pk: 'a', sk: '1', x: 1, y: 2 });
    await put(doc, table, { pk: 'b', sk: '1', x: 3, y: 4 });

    const answer = await doc.send(
      new TransactGetCommand({
        TransactItems: [
          {
            Get: {
              TableName: table,
              Key: { pk: 'a', sk: '1' },
              ProjectionExpression: '#x',
              ExpressionAttributeNames: { '#x': 'x' },
            },
          },
          { Get: { TableName: table, Key: { pk: 'b', sk: '1' } } },
        ],
      }),
    );

    await expectPerTarget(t, 'projectionIgnored', {
      documented: () =>
        expect(answer.Responses).toEqual([{ Item: { x: 1 } }, { Item: { pk: 'b', sk: '1', x: 3, y: 4 } }]),
      motoObserved: () =>
        expect(answer.Responses).toEqual([
          { Item: { pk: 'a', sk: '1', x: 1, y: 2 } },
          { Item: { pk: 'b', sk: '1', x: 3, y: 4 } },
        ]),
    });
  });
}
