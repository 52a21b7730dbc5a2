import type { SeriesStore } from '../store/ports';

/** The publisher's archived-series check from the configured series list (read once per call). */
export function archivedSeriesFrom(store: Pick<SeriesStore, 'list'>): (seriesId: string) => Promise<boolean> {
  return async (seriesId) => (await store.list()).some((s) => s.seriesId === seriesId && s.archived);
}
