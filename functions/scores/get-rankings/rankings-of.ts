import { periodStart, type Ranking, rank } from '#shared/domain/ranking';
import { BadRequestError } from '#shared/errors';
import { type Unit, unitClasses } from '#shared/schemas/units';
import type { ScoresDeps } from '../deps';

/**
 * Rankings of a period per unit class, from the counters kept with every fact: never a Scan of
 * items. Kept apart from the CSV/XLSX rendering so the jobs that only need the figures do not
 * bundle the writers.
 */
export async function rankingsOf(
  deps: ScoresDeps,
  query: { period: string; class?: Unit['class'] | undefined },
): Promise<Ranking[]> {
  const start = periodStart(query.period);
  if (!start)
    throw new BadRequestError(
      'PERIOD_INVALID',
      `统计期“${query.period}”格式不对，应为 2026-10、2026-Q4 或 2026`,
    );
  if (start.getTime() > deps.now().getTime()) {
    throw new BadRequestError('PERIOD_IN_FUTURE', `统计期 ${query.period} 尚未开始`);
  }
  // Two reads per ranked unit: its unit row and its counter row of the period's year.
  const [units, { current, previous }] = await Promise.all([
    deps.units.list(),
    deps.countsWithPrevious(query.period),
  ]);
  const refs = units
    .filter((unit) => unit.active)
    .map((unit) => ({ unitId: unit.id, name: unit.name, unitClass: unit.class }));
  const classes = query.class ? [query.class] : [...unitClasses];
  return classes.map((unitClass) => rank(query.period, unitClass, refs, current, previous));
}
