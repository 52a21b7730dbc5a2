/**
 * The monthly ranking notices (采用情况通报), one row per month under one partition: written once
 * by the first run of the month's job, so a rerun mails and publishes exactly what was first
 * computed, even if a late fact has moved the counters since.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { parseStored } from '#shared/schemas/free-text';
import { ranking } from '../../schemas/rankings';
import type { TableRef } from './client';
import { isConditionFailure, rethrowStoreError } from './errors';
import { queryAll } from './query';

export const rankingNoticeKey = (month: string) => ({ pk: 'RANKINGNOTICES', sk: `MONTH#${month}` });

export const storedRankingNotice = z.object({
  month: z.string(),
  rankings: z.array(ranking),
  createdAt: z.string(),
});
export type StoredRankingNotice = z.infer<typeof storedRankingNotice>;

export interface RankingNoticeStore {
  /** Stores the month's notice unless one is stored; returns the stored one either way. */
  saveOnce(notice: StoredRankingNotice): Promise<StoredRankingNotice>;
  get(month: string): Promise<StoredRankingNotice | undefined>;
  /** Every stored month, newest first. */
  months(): Promise<string[]>;
}

export class DynamoRankingNoticeStore implements RankingNoticeStore {
  constructor(private readonly table: TableRef) {}

  async saveOnce(notice: StoredRankingNotice): Promise<StoredRankingNotice> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...rankingNoticeKey(notice.month), type: 'ranking-notice', ...notice },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return notice;
    } catch (error) {
      if (!isConditionFailure(error)) rethrowStoreError(error);
    }
    const stored = await this.get(notice.month);
    if (!stored) throw new Error(`ranking notice ${notice.month} exists but cannot be read`);
    return stored;
  }

  async get(month: string): Promise<StoredRankingNotice | undefined> {
    const { Item } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: rankingNoticeKey(month),
          ConsistentRead: true,
        }),
      )
      .catch(rethrowStoreError);
    return Item ? parseStored(storedRankingNotice, Item) : undefined;
  }

  async months(): Promise<string[]> {
    const rows = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': rankingNoticeKey('').pk },
      ProjectionExpression: '#month',
      ExpressionAttributeNames: { '#month': 'month' },
      ScanIndexForward: false,
    });
    return rows.map((row) => String(row.month));
  }
}
