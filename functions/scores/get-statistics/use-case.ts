import { yearOf } from '#shared/domain/periods';
import { annualStatistics, type UnitCounters } from '#shared/domain/statistics';
import { BadRequestError } from '#shared/errors';
import type { ScoresDeps } from '../deps';

/** 年度统计 for a year that has begun: the city's figures and every unit's, from counters and issues. */
export async function getStatistics(deps: ScoresDeps, year: number) {
  if (year > Number(yearOf(deps.now()))) throw new BadRequestError('PERIOD_IN_FUTURE', `${year} 年尚未开始`);
  const [units, rows, issues] = await Promise.all([
    deps.units.list(),
    deps.rows(String(year)),
    deps.publishedIssues(year),
  ]);
  const names = new Map(units.map((unit) => [unit.id, unit]));
  const counted: UnitCounters[] = units
    .filter((unit) => unit.active || rows.has(unit.id))
    .map((unit) => ({
      unitId: unit.id,
      name: unit.name,
      unitClass: unit.class,
      counters: rows.get(unit.id) ?? {},
    }));
  for (const [unitId, counters] of rows) {
    if (!names.has(unitId)) counted.push({ unitId, name: unitId, unitClass: 'unknown', counters });
  }
  return annualStatistics(
    year,
    counted,
    issues.map((issue) => ({ seriesId: issue.seriesId, itemCount: issue.items.length })),
  );
}
