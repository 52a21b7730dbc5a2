import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { JobRunStore } from '../ports';
import type { TableRef } from './client';
import { isConditionFailure, rethrowStoreError } from './errors';
import { keys } from './keys';

/** Run markers are only needed for idempotency and health; DynamoDB's TTL drops them after 90 days. */
const retentionSeconds = 90 * 24 * 3600;
const expiry = (at: string) => Math.floor(Date.parse(at) / 1000) + retentionSeconds;

export class DynamoJobRunStore implements JobRunStore {
  constructor(private readonly table: TableRef) {}

  async record(job: string, scheduledTime: string, finishedAt: string): Promise<boolean> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...keys.jobRun(job, scheduledTime),
            job,
            scheduledTime,
            finishedAt,
            expiresAt: expiry(finishedAt),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      rethrowStoreError(error);
    }
  }

  async lastRun(job: string): Promise<string | undefined> {
    const { Items } = await this.table.client
      .send(
        new QueryCommand({
          TableName: this.table.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.jobPartition(job), ':prefix': 'RUN#' },
          ScanIndexForward: false,
          Limit: 1,
        }),
      )
      .catch(rethrowStoreError);
    const finishedAt = Items?.[0]?.finishedAt;
    return typeof finishedAt === 'string' ? finishedAt : undefined;
  }
}
