import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OutboxEntry } from '../ports';
import type { TableRef } from './client';
import { isConditionFailure, rethrowStoreError } from './errors';
import { keys } from './keys';

/** How long a claimed entry stays with its sender: beyond the mailer's 60 s timeout, then the sweep may take it. */
export const claimLeaseMs = 2 * 60 * 1000;

/** The outcome of trying to take an entry for sending. */
export type ClaimResult =
  | { kind: 'claimed'; entry: OutboxEntry }
  /** Another sender holds it right now. */
  | { kind: 'busy' }
  /** Already sent or failed, or unknown: nothing to do. */
  | { kind: 'settled' }
  /** Still pending but every attempt is used up. */
  | { kind: 'exhausted'; entry: OutboxEntry };

/** The mailer's view of the outbox (the submit side only Puts, through `outboxPut`). */
export interface OutboxStore {
  get(messageId: string): Promise<OutboxEntry | undefined>;
  /** Pending entries created before `createdBefore`, oldest first, at most `limit`. */
  listPending(createdBefore: string, limit: number): Promise<OutboxEntry[]>;
  /** pending, attempts < maxAttempts and no live lease → attempts + 1 and a lease until `now + claimLeaseMs`. */
  claim(messageId: string, maxAttempts: number, now: Date): Promise<ClaimResult>;
  /** Records one more recipient as sent (after SES accepted the message for them). */
  addSentTo(messageId: string, email: string): Promise<void>;
  /** Every recipient done: status sent, off the pending index, lease released. */
  markSent(messageId: string, at: string): Promise<void>;
  /** An attempt failed: keeps the entry pending for the sweep, or ends it as failed. */
  recordFailure(messageId: string, error: string, at: string, final: boolean): Promise<void>;
}

const outboxKinds = new Set<OutboxEntry['kind']>(['urgent-item', 'bulletin-published']);
const statuses = new Set<OutboxEntry['status']>(['pending', 'sent', 'failed']);

function toEntry(item: Record<string, unknown>): OutboxEntry {
  const { messageId, kind, refId, createdAt, status, attempts, sentTo, lastError } = item;
  if (
    typeof messageId !== 'string' ||
    typeof refId !== 'string' ||
    typeof createdAt !== 'string' ||
    typeof attempts !== 'number' ||
    !outboxKinds.has(kind as OutboxEntry['kind']) ||
    !statuses.has(status as OutboxEntry['status'])
  ) {
    throw new Error(`malformed outbox entry ${String(item.pk)}`);
  }
  const recipients = Array.isArray(sentTo) ? sentTo.filter((value) => typeof value === 'string') : [];
  return {
    messageId,
    kind: kind as OutboxEntry['kind'],
    refId,
    createdAt,
    status: status as OutboxEntry['status'],
    attempts,
    sentTo: recipients,
    ...(typeof lastError === 'string' ? { lastError } : {}),
  };
}

/**
 * The Put of a new pending entry, for the submit transaction (TransactWriteItems). The sparse
 * gsi3 entry makes it visible to the sweep until it is sent.
 */
export function outboxPut(tableName: string, entry: OutboxEntry) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.outbox(entry.messageId),
        ...(entry.status === 'pending' ? keys.outboxPending(entry.createdAt, entry.messageId) : {}),
        ...entry,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export class DynamoOutboxStore implements OutboxStore {
  constructor(private readonly table: TableRef) {}

  async get(messageId: string): Promise<OutboxEntry | undefined> {
    const { Item } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: keys.outbox(messageId),
          ConsistentRead: true,
        }),
      )
      .catch(rethrowStoreError);
    return Item ? toEntry(Item) : undefined;
  }

  async listPending(createdBefore: string, limit: number): Promise<OutboxEntry[]> {
    const { Items } = await this.table.client
      .send(
        new QueryCommand({
          TableName: this.table.tableName,
          IndexName: 'gsi3',
          KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk < :before',
          ExpressionAttributeValues: { ':pk': keys.outboxPending('', '').gsi3pk, ':before': createdBefore },
          ScanIndexForward: true,
          Limit: limit,
        }),
      )
      .catch(rethrowStoreError);
    return (Items ?? []).map(toEntry);
  }

  async claim(messageId: string, maxAttempts: number, now: Date): Promise<ClaimResult> {
    try {
      const { Attributes } = await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.outbox(messageId),
          UpdateExpression: 'SET attempts = attempts + :one, leaseUntil = :lease',
          ConditionExpression:
            'attribute_exists(pk) AND #status = :pending AND attempts < :max AND ' +
            '(attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':pending': 'pending',
            ':max': maxAttempts,
            ':now': now.toISOString(),
            ':lease': new Date(now.getTime() + claimLeaseMs).toISOString(),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      if (!Attributes) throw new Error(`claim of ${messageId} returned nothing`);
      return { kind: 'claimed', entry: toEntry(Attributes) };
    } catch (error) {
      if (!isConditionFailure(error)) rethrowStoreError(error);
    }
    const current = await this.get(messageId);
    if (current?.status !== 'pending') return { kind: 'settled' };
    if (current.attempts >= maxAttempts) return { kind: 'exhausted', entry: current };
    return { kind: 'busy' };
  }

  async addSentTo(messageId: string, email: string): Promise<void> {
    await this.table.client
      .send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.outbox(messageId),
          UpdateExpression: 'SET sentTo = list_append(if_not_exists(sentTo, :empty), :one)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':empty': [], ':one': [email] },
        }),
      )
      .catch(rethrowStoreError);
  }

  async markSent(messageId: string, at: string): Promise<void> {
    await this.table.client
      .send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.outbox(messageId),
          UpdateExpression: 'SET #status = :sent, sentAt = :at REMOVE gsi3pk, gsi3sk, leaseUntil, lastError',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sent': 'sent', ':at': at },
        }),
      )
      .catch(rethrowStoreError);
  }

  async recordFailure(messageId: string, error: string, at: string, final: boolean): Promise<void> {
    const update = final
      ? 'SET #status = :failed, lastError = :error, failedAt = :at REMOVE gsi3pk, gsi3sk, leaseUntil'
      : 'SET lastError = :error, lastErrorAt = :at REMOVE leaseUntil';
    await this.table.client
      .send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.outbox(messageId),
          UpdateExpression: update,
          ConditionExpression: 'attribute_exists(pk)',
          ...(final ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
          ExpressionAttributeValues: {
            ':error': error.slice(0, 1000),
            ':at': at,
            ...(final ? { ':failed': 'failed' } : {}),
          },
        }),
      )
      .catch(rethrowStoreError);
  }
}
