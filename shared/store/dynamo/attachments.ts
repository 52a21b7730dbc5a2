import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { parseStored } from '#shared/schemas/free-text';
import { ConflictError, NotFoundError } from '../../errors';
import { type Attachment, attachment as attachmentSchema } from '../../schemas/attachments';
import type { HistoryEvent } from '../../schemas/items';
import type { AttachmentStore } from '../ports';
import type { TableRef } from './client';
import { rethrowStoreError } from './errors';
import { historyPut } from './history';
import { keys } from './keys';
import { queryAll } from './query';
import { transact } from './transactions';

function toAttachment(raw: Record<string, unknown>): Attachment {
  const { pk: _pk, sk: _sk, type: _type, ...rest } = raw;
  return parseStored(attachmentSchema, rest);
}

/** Attachments live in their item's partition (`ATTACHMENT#<id>`), next to its history events. */
export class DynamoAttachmentStore implements AttachmentStore {
  constructor(private readonly table: TableRef) {}

  async get(itemId: string, attachmentId: string): Promise<Attachment | undefined> {
    const { Item } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: keys.attachment(itemId, attachmentId),
          ConsistentRead: true,
        }),
      )
      .catch(rethrowStoreError);
    return Item ? toAttachment(Item) : undefined;
  }

  /** The record, its audit event and a check that the item still exists: all or nothing. */
  async create(attachment: Attachment, event: HistoryEvent): Promise<void> {
    const tableName = this.table.tableName;
    await transact(
      this.table,
      [
        {
          ConditionCheck: {
            TableName: tableName,
            Key: keys.item(attachment.itemId),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.attachment(attachment.itemId, attachment.attachmentId),
              type: 'attachment',
              ...attachment,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        historyPut(tableName, attachment.itemId, event),
      ],
      (index) => {
        if (index === 0) throw new NotFoundError('ITEM_NOT_FOUND', '找不到该稿件');
        throw new ConflictError('ATTACHMENT_EXISTS', '附件编号冲突，请重试');
      },
    );
  }

  /** pending → confirmed only from pending, with its audit event in the same transaction. */
  async confirm(attachment: Attachment, event: HistoryEvent): Promise<void> {
    const tableName = this.table.tableName;
    await transact(
      this.table,
      [
        {
          Update: {
            TableName: tableName,
            Key: keys.attachment(attachment.itemId, attachment.attachmentId),
            UpdateExpression: 'SET #status = :confirmed, confirmedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND #status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':confirmed': 'confirmed',
              ':pending': 'pending',
              ':at': attachment.confirmedAt ?? event.at,
            },
          },
        },
        historyPut(tableName, attachment.itemId, event),
      ],
      () => {
        throw new ConflictError('ATTACHMENT_NOT_PENDING', '附件已确认或不存在');
      },
    );
  }

  async list(itemId: string): Promise<Attachment[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.itemPartition(itemId), ':prefix': 'ATTACHMENT#' },
    });
    return items.map(toAttachment);
  }
}
