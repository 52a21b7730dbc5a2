import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { item as itemSchema } from '#shared/schemas/items';
import type { TableRef } from '#shared/store/dynamo/client';
import { rethrowStoreError } from '#shared/store/dynamo/errors';
import { keys } from '#shared/store/dynamo/keys';
import type { AlertItem, AlertItemReader } from './deps';

const alertItem = z.pick(itemSchema, {
  itemId: true,
  unitId: true,
  title: true,
  body: true,
  eventDate: true,
  submittedAt: true,
  approver: true,
  author: true,
});

/** Reads only what the alert shows, so the mailer does not depend on the rest of the item's shape. */
export class DynamoAlertItemReader implements AlertItemReader {
  constructor(private readonly table: TableRef) {}

  async get(itemId: string): Promise<AlertItem | undefined> {
    const { Item } = await this.table.client
      .send(new GetCommand({ TableName: this.table.tableName, Key: keys.item(itemId) }))
      .catch(rethrowStoreError);
    return Item ? alertItem.parse(Item) : undefined;
  }
}
