/**
 * Each week's overdue colours per unit, one row per ISO week, so the next week's job can tell a
 * unit red twice running (and escalate) with one GetItem — never a Scan. The first run of a week
 * writes the row; reruns read it back, so escalation decisions stay the same across reruns.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { parseStored } from '#shared/schemas/free-text';
import type { TableRef } from './client';
import { isConditionFailure, rethrowStoreError } from './errors';

export const overdueWeekKey = (week: string) => ({ pk: 'OVERDUEWEEKS', sk: `WEEK#${week}` });

const colour = z.enum(['red', 'amber', 'green']);
export type OverdueColour = z.infer<typeof colour>;
const storedWeek = z.object({ week: z.string(), colours: z.record(z.string(), colour) });

/** Kept two years, like the mail markers: long enough for any rerun or comparison. */
const retentionSeconds = 2 * 366 * 24 * 3600;

export interface OverdueWeekStore {
  /** The week's colours as first recorded (this call's when it is the first). */
  recordOnce(
    week: string,
    colours: Record<string, OverdueColour>,
    at: string,
  ): Promise<Record<string, OverdueColour>>;
  colours(week: string): Promise<Record<string, OverdueColour> | undefined>;
}

export class DynamoOverdueWeekStore implements OverdueWeekStore {
  constructor(private readonly table: TableRef) {}

  async recordOnce(week: string, colours: Record<string, OverdueColour>, at: string) {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...overdueWeekKey(week),
            type: 'overdue-week',
            week,
            colours,
            recordedAt: at,
            expiresAt: Math.floor(Date.parse(at) / 1000) + retentionSeconds,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return colours;
    } catch (error) {
      if (!isConditionFailure(error)) rethrowStoreError(error);
    }
    return (await this.colours(week)) ?? colours;
  }

  async colours(week: string): Promise<Record<string, OverdueColour> | undefined> {
    const { Item } = await this.table.client
      .send(
        new GetCommand({ TableName: this.table.tableName, Key: overdueWeekKey(week), ConsistentRead: true }),
      )
      .catch(rethrowStoreError);
    return Item ? parseStored(storedWeek, Item).colours : undefined;
  }
}
