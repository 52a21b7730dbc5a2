import { yearOf } from '#shared/domain/periods';
import type { Bulletin } from '#shared/schemas/bulletins';
import type { DraftDeps } from '../deps';

function summary(bulletin: Bulletin) {
  const { bulletinId, seriesId, seriesName, year, number, total, status, publishedAt, version } = bulletin;
  return {
    bulletinId,
    seriesId,
    seriesName,
    year,
    number,
    total,
    status,
    publishedAt,
    version,
    itemCount: bulletin.items.length,
  };
}

/** One Query per series for the year (a handful), never a Scan. */
export async function listBulletins(
  deps: DraftDeps,
  query: { seriesId?: string; year?: number; status?: Bulletin['status'] },
) {
  const year = query.year ?? Number(yearOf(deps.now()));
  const seriesIds = query.seriesId
    ? [query.seriesId]
    : (await deps.series.list()).map((series) => series.seriesId);
  const lists = await Promise.all(seriesIds.map((seriesId) => deps.bulletins.ofSeriesYear(seriesId, year)));
  const bulletins = lists.flat().filter((bulletin) => !query.status || bulletin.status === query.status);
  return { bulletins: bulletins.map(summary) };
}
