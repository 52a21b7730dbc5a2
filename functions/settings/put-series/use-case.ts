import { duplicateSeriesIds, removedSeriesIds } from '#shared/domain/series';
import { ValidationError } from '#shared/errors';
import type { SeriesList } from '#shared/schemas/bulletins';
import { seriesRemovedError } from '#shared/store/dynamo/series';
import type { SettingsDeps } from '../deps';

/**
 * Replaces the series list. Ids are unique; an id that was ever configured (or is a default) must
 * stay — it numbers issues and appears in ledger reasons — so it is deactivated, never removed.
 */
export async function putSeries(deps: Pick<SettingsDeps, 'series'>, value: SeriesList): Promise<SeriesList> {
  const duplicates = duplicateSeriesIds(value.series);
  if (duplicates.length > 0) {
    throw new ValidationError(
      duplicates.map(({ seriesId, index, first }) => ({
        path: `series.${index}.seriesId`,
        message: `刊物编号“${seriesId}”与第 ${first + 1} 个刊物重复`,
      })),
      '刊物编号不能重复',
    );
  }
  const removed = removedSeriesIds(await deps.series.list(), value.series);
  if (removed.length > 0) throw seriesRemovedError(removed);
  await deps.series.put(value.series);
  return { series: value.series };
}
