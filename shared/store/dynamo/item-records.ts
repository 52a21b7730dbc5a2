import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { parseStored } from '#shared/schemas/free-text';
import { monthOf } from '../../domain/periods';
import { ConflictError } from '../../errors';
import { type HistoryEvent, type Item, item as itemSchema } from '../../schemas/items';
import type { ItemPageQuery, ItemRecords } from '../ports';
import type { TableRef } from './client';
import { rethrowStoreError } from './errors';
import { historyPut } from './history';
import { keys } from './keys';
import { type TransactItem, transact } from './transactions';

/** An item as stored: its keys, its index keys (queue, unit, month) and a warning count. */
export function storedItem(item: Item) {
  const month = monthOf(new Date(item.submittedAt));
  return {
    ...keys.item(item.itemId),
    ...keys.itemIndexes({ ...item, month }),
    type: 'item',
    ...item,
    warnings: item.findings.length,
  };
}

export function toItem(raw: Record<string, unknown>): Item {
  return parseStored(itemSchema, raw);
}

export const versionConflict = () =>
  new ConflictError('VERSION_CONFLICT', '稿件已被他人处理或修改，请刷新后再操作');

/**
 * Items read, listed and changed after submission. Apart from the submitting store (items.ts)
 * so that the functions that never submit do not bundle the submission's transaction and what it
 * writes (counters, ledger, 约稿 answers, near-duplicate rows).
 */
export class DynamoItemRecords implements ItemRecords {
  constructor(protected readonly table: TableRef) {}

  async get(itemId: string): Promise<Item | undefined> {
    const { Item: raw } = await this.table.client
      .send(new GetCommand({ TableName: this.table.tableName, Key: keys.item(itemId), ConsistentRead: true }))
      .catch(rethrowStoreError);
    return raw ? toItem(raw) : undefined;
  }

  /** Replaces the item if it is still at `expectedVersion`, with the audit events of the change. */
  async update(item: Item, expectedVersion: number, events: HistoryEvent[]): Promise<void> {
    await this.updateMany(
      [{ item, expectedVersion }],
      events.map((event) => ({ itemId: item.itemId, event })),
    );
  }

  /** Several items changed together (a merge) with their audit events; any stale version → 409. */
  async updateMany(
    changes: { item: Item; expectedVersion: number | undefined }[],
    events: { itemId: string; event: HistoryEvent }[],
  ): Promise<void> {
    const tableName = this.table.tableName;
    const actions: TransactItem[] = [
      ...changes.map(
        ({ item, expectedVersion }): TransactItem => ({
          Put: {
            TableName: tableName,
            Item: storedItem(item),
            ...(expectedVersion === undefined
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: 'version = :expected',
                  ExpressionAttributeValues: { ':expected': expectedVersion },
                }),
          },
        }),
      ),
      ...events.map(({ itemId, event }) => historyPut(tableName, itemId, event)),
    ];
    await transact(this.table, actions, () => {
      throw versionConflict();
    });
  }

  /** One page of an index query; the cursor is DynamoDB's own LastEvaluatedKey. */
  async page(input: ItemPageQuery): Promise<{
    items: Item[];
    lastKey: Record<string, unknown> | undefined;
  }> {
    const result = await this.table.client
      .send(new QueryCommand({ ...input, TableName: this.table.tableName }))
      .catch(rethrowStoreError);
    return { items: (result.Items ?? []).map(toItem), lastKey: result.LastEvaluatedKey };
  }
}
