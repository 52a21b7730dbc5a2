import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../errors';
import { type Draft, draft as draftSchema } from '../../schemas/drafts';
import { parseStored } from '../../schemas/free-text';
import type { DraftStore } from '../ports';
import type { TableRef } from './client';
import { isConditionFailure, rethrowStoreError } from './errors';
import { keys } from './keys';

function toDraft(row: Record<string, unknown>): Draft {
  const {
    pk: _pk,
    sk: _sk,
    type: _type,
    ownerId: _owner,
    expiresAt: _expires,
    deletedAt: _deleted,
    ...rest
  } = row;
  return parseStored(draftSchema, rest);
}

const versionConflict = () =>
  new ConflictError('VERSION_CONFLICT', '草稿已在别处修改或已删除，请刷新后再保存');

/**
 * One row per draft in its caller's partition (`DRAFT#<ownerId>`): every read and write names the
 * caller's own partition, so another caller's draft cannot be reached, only not found.
 */
export class DynamoDraftStore implements DraftStore {
  constructor(private readonly table: TableRef) {}

  async get(ownerId: string, draftId: string): Promise<Draft | undefined> {
    const { Item } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: keys.draft(ownerId, draftId),
          ConsistentRead: true,
        }),
      )
      .catch(rethrowStoreError);
    return Item && Item.deletedAt === undefined ? toDraft(Item) : undefined;
  }

  async page(ownerId: string, limit: number, after?: string): Promise<{ drafts: Draft[]; more: boolean }> {
    const drafts: Draft[] = [];
    let start: Record<string, unknown> | undefined = after ? keys.draft(ownerId, after) : undefined;
    // Submitted drafts are filtered out, so a page may need more than one Query to fill.
    do {
      const page = await this.table.client
        .send(
          new QueryCommand({
            TableName: this.table.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            FilterExpression: 'attribute_not_exists(submittedItemId) AND attribute_not_exists(deletedAt)',
            ExpressionAttributeValues: { ':pk': keys.draftPartition(ownerId), ':prefix': 'DRAFT#' },
            ScanIndexForward: false,
            Limit: limit + 1 - drafts.length,
            ExclusiveStartKey: start,
          }),
        )
        .catch(rethrowStoreError);
      drafts.push(...(page.Items ?? []).map(toDraft));
      start = page.LastEvaluatedKey;
    } while (start && drafts.length <= limit);
    return { drafts: drafts.slice(0, limit), more: drafts.length > limit };
  }

  async create(ownerId: string, draft: Draft): Promise<void> {
    await this.table.client
      .send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...keys.draft(ownerId, draft.draftId), type: 'draft', ownerId, ...draft },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch(rethrowStoreError);
  }

  async replace(ownerId: string, draft: Draft, expectedVersion: number): Promise<void> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...keys.draft(ownerId, draft.draftId), type: 'draft', ownerId, ...draft },
          ConditionExpression:
            'attribute_exists(pk) AND version = :expected AND attribute_not_exists(submittedItemId)',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw versionConflict();
      rethrowStoreError(error);
    }
  }

  /**
   * Marks the draft deleted rather than deleting it (no function deletes table rows but idempotency
   * records and sent-mail markers): it is gone for every read at once, and from the table when the
   * TTL (`expiresAt`) passes.
   */
  async delete(ownerId: string, draftId: string, expiresAt: number): Promise<boolean> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.draft(ownerId, draftId),
          UpdateExpression: 'SET deletedAt = :now, expiresAt = :expires',
          ConditionExpression:
            'attribute_exists(pk) AND attribute_not_exists(deletedAt) AND attribute_not_exists(submittedItemId)',
          ExpressionAttributeValues: {
            ':now': new Date(expiresAt * 1000).toISOString(),
            ':expires': expiresAt,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      rethrowStoreError(error);
    }
  }

  async markSubmitted(ownerId: string, draftId: string, itemId: string, expiresAt: number): Promise<void> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.draft(ownerId, draftId),
          UpdateExpression: 'SET submittedItemId = :item, expiresAt = :expires',
          ConditionExpression:
            'attribute_exists(pk) AND attribute_not_exists(deletedAt) AND (attribute_not_exists(submittedItemId) OR submittedItemId = :item)',
          ExpressionAttributeValues: { ':item': itemId, ':expires': expiresAt },
        }),
      );
    } catch (error) {
      // Deleted meanwhile, or marked with another item: the item stands either way.
      if (isConditionFailure(error)) return;
      rethrowStoreError(error);
    }
  }
}
