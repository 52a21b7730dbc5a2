import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isRole } from '../../domain/roles';
import type { StoredToken, TokenStore } from '../ports';
import type { TableRef } from './client';
import { isConditionFailure, rethrowStoreError } from './errors';
import { keys } from './keys';
import { queryAll } from './query';

function toToken(item: Record<string, unknown>): StoredToken {
  const role = item.role;
  if (!isRole(role)) throw new Error('stored token has no valid role');
  return {
    tokenId: String(item.tokenId),
    hash: String(item.hash),
    role,
    unitId: typeof item.unitId === 'string' ? item.unitId : undefined,
    label: String(item.label),
    createdAt: String(item.createdAt),
    createdBy: String(item.createdBy),
    lastUsedAt: typeof item.lastUsedAt === 'string' ? item.lastUsedAt : undefined,
    revokedAt: typeof item.revokedAt === 'string' ? item.revokedAt : undefined,
  };
}

export class DynamoTokenStore implements TokenStore {
  constructor(private readonly table: TableRef) {}

  async findByHash(hash: string): Promise<StoredToken | undefined> {
    const { Item } = await this.table.client
      .send(new GetCommand({ TableName: this.table.tableName, Key: keys.token(hash) }))
      .catch(rethrowStoreError);
    return Item ? toToken(Item) : undefined;
  }

  /** The token as stored now (a strongly consistent read of its row), found through the id index. */
  async findById(tokenId: string): Promise<StoredToken | undefined> {
    const index = keys.tokenIndex(tokenId);
    const { Items } = await this.table.client
      .send(
        new QueryCommand({
          TableName: this.table.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
          ExpressionAttributeValues: { ':pk': index.gsi1pk, ':sk': index.gsi1sk },
        }),
      )
      .catch(rethrowStoreError);
    const indexed = Items?.[0];
    if (!indexed) return undefined;
    // The index lags the table: re-read the row itself (the hash never changes) so a revocation
    // made a moment ago is seen.
    const { Item } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: keys.token(String(indexed.hash)),
          ConsistentRead: true,
        }),
      )
      .catch(rethrowStoreError);
    return Item ? toToken(Item) : undefined;
  }

  async list(): Promise<StoredToken[]> {
    const items = await queryAll(this.table, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.tokensPartition, ':prefix': 'TOKEN#' },
    });
    return items.map(toToken).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async create(token: StoredToken): Promise<void> {
    await this.table.client
      .send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...keys.token(token.hash), ...keys.tokenIndex(token.tokenId), ...token },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch(rethrowStoreError);
  }

  async revoke(tokenId: string, at: string): Promise<StoredToken | undefined> {
    const token = await this.findById(tokenId);
    if (!token) return undefined;
    try {
      const { Attributes } = await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.token(token.hash),
          UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toToken(Attributes) : undefined;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      rethrowStoreError(error);
    }
  }

  async touch(hash: string, at: string): Promise<void> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.token(hash),
          UpdateExpression: 'SET lastUsedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) rethrowStoreError(error);
    }
  }
}
