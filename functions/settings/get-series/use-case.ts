import type { SeriesList } from '#shared/schemas/bulletins';
import type { SettingsDeps } from '../deps';

/** The configured series, or the defaults (政务信息, 每日要情, 专报, 增刊) before any is saved. */
export async function getSeries(deps: Pick<SettingsDeps, 'series'>): Promise<SeriesList> {
  return { series: await deps.series.list() };
}
