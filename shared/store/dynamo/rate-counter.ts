import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { fixedWindow } from '../../domain/rate-window';
import type { RateCounter, RateDecision } from '../ports';
import type { TableRef } from './client';
import { isConditionFailure, rethrowStoreError } from './errors';
import { keys } from './keys';

/**
 * Fixed-window counters, one row per caller, route and window: a conditional increment that
 * fails once the count has reached the limit, so concurrent requests cannot overshoot it. Rows
 * expire (TTL) a window after their own ends.
 */
export class DynamoRateCounter implements RateCounter {
  constructor(private readonly table: TableRef) {}

  async consume(
    callerId: string,
    operationId: string,
    limit: { limit: number; windowSeconds: number },
    now: Date,
  ): Promise<RateDecision> {
    const window = fixedWindow(now, limit.windowSeconds);
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.rateWindow(callerId, operationId, window.start),
          UpdateExpression: 'ADD #count :one SET expiresAt = if_not_exists(expiresAt, :expires)',
          ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
          ExpressionAttributeNames: { '#count': 'requests' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':limit': limit.limit,
            ':expires': window.start + 2 * limit.windowSeconds,
          },
        }),
      );
      return { allowed: true };
    } catch (error) {
      if (isConditionFailure(error)) return { allowed: false, retryAfterSeconds: window.secondsLeft };
      return rethrowStoreError(error);
    }
  }
}
