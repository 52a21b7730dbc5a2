import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { parseStored } from '#shared/schemas/free-text';
import { defaultSeries, defaultSeriesList, removedSeriesIds } from '../../domain/series';
import { ConflictError, UnprocessableError } from '../../errors';
import { type Series, series as seriesSchema } from '../../schemas/bulletins';
import type { SeriesStore } from '../ports';
import type { TableRef } from './client';
import { isConditionFailure, rethrowStoreError } from './errors';
import { keys } from './keys';

export { defaultSeries, defaultSeriesList };

/** The settings row that holds the series list. */
export const seriesSettingName = 'series';

const storedSeries = z.object({
  series: z.array(seriesSchema).check(z.minLength(1)),
  revision: z.int().check(z.nonnegative()),
});

/** The Chinese message of a refused removal (shared by the use case and the store's own guard). */
export function seriesRemovedError(removed: readonly string[]): UnprocessableError {
  return new UnprocessableError(
    'SERIES_REMOVED',
    `刊物编号一经使用不能删除，只能停用（active 设为 false）：${removed.join('、')}`,
    removed.map((seriesId) => ({ path: 'series', message: `缺少刊物“${seriesId}”，请保留并停用`, seriesId })),
  );
}

/**
 * The series list as one row under SETTINGS. `put` re-reads the row consistently, refuses a list
 * that drops an id, and writes only if nobody saved in between (a revision counter), so two admins
 * saving at once cannot lose a series.
 */
export class DynamoSeriesStore implements SeriesStore {
  constructor(private readonly table: TableRef) {}

  private async read(consistent: boolean): Promise<{ series: Series[]; revision: number } | undefined> {
    const { Item } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: keys.settings(seriesSettingName),
          ConsistentRead: consistent,
        }),
      )
      .catch(rethrowStoreError);
    if (!Item) return undefined;
    return parseStored(storedSeries, { series: Item.series, revision: Item.revision ?? 0 });
  }

  async list(): Promise<Series[]> {
    return (await this.read(false))?.series ?? defaultSeriesList();
  }

  async put(series: Series[]): Promise<void> {
    const current = await this.read(true);
    const removed = removedSeriesIds(current?.series ?? defaultSeries, series);
    if (removed.length > 0) throw seriesRemovedError(removed);
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...keys.settings(seriesSettingName),
            series,
            revision: (current?.revision ?? 0) + 1,
          },
          ...(current
            ? {
                ConditionExpression:
                  current.revision === 0
                    ? 'attribute_not_exists(revision) OR revision = :revision'
                    : 'revision = :revision',
                ExpressionAttributeValues: { ':revision': current.revision },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new ConflictError('SERIES_CHANGED', '刊物设置刚被他人修改，请刷新后重试');
      }
      rethrowStoreError(error);
    }
  }
}
