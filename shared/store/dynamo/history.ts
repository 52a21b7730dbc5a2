import { randomBytes } from 'node:crypto';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { HistoryEvent } from '../../schemas/items';
import type { HistoryStore } from '../ports';
import type { TableRef } from './client';
import { keys } from './keys';
import { queryAll } from './query';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The audit event of a change, as one action of the transaction that makes the change: an
 * item never changes without its event, and events are only ever added (never updated).
 */
export function historyPut(tableName: string, itemId: string, event: HistoryEvent): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.itemEvent(itemId, event.at, randomBytes(4).toString('hex')), type: 'event', ...event },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export class DynamoHistoryStore implements HistoryStore {
  constructor(private readonly table: TableRef) {}

  async list(itemId: string): Promise<HistoryEvent[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.itemPartition(itemId), ':prefix': 'EVENT#' },
    });
    return items.map((entry) => {
      const { pk: _pk, sk: _sk, type: _type, ...event } = entry;
      return event as HistoryEvent;
    });
  }
}
