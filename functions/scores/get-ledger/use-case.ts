import { periodEnd, periodStart } from '#shared/domain/ranking';
import { isUnitBound, type Principal } from '#shared/domain/roles';
import { BadRequestError, NotFoundError } from '#shared/errors';
import type { ScoresDeps } from '../deps';
import { rankingsOf } from '../get-rankings/rankings-of';

/**
 * 积分明细: why a unit has each point in a period; the total is the sum of the lines shown. With
 * it the unit's own place among its class (the rankings' own computation), never the other rows:
 * a 信息员 sees its unit's standing without the whole table.
 */
export async function getLedger(deps: ScoresDeps, principal: Principal, unitId: string, period: string) {
  if (isUnitBound(principal) && principal.unitId !== unitId) {
    throw new NotFoundError('UNIT_NOT_FOUND', `找不到单位“${unitId}”`);
  }
  const start = periodStart(period);
  const end = periodEnd(period);
  if (!start || !end)
    throw new BadRequestError('PERIOD_INVALID', `统计期“${period}”格式不对，应为 2026-10、2026-Q4 或 2026`);
  if (start.getTime() > deps.now().getTime())
    throw new BadRequestError('PERIOD_IN_FUTURE', `统计期 ${period} 尚未开始`);
  const unit = await deps.units.get(unitId);
  if (!unit) throw new NotFoundError('UNIT_NOT_FOUND', `找不到单位“${unitId}”`);
  const [lines, [ranking]] = await Promise.all([
    deps.ledger(unitId, start.toISOString(), end.toISOString()),
    rankingsOf(deps, { period, class: unit.class }),
  ]);
  const cents = lines.reduce((sum, line) => sum + Math.round(line.points * 100), 0);
  const row = ranking?.rows.find((candidate) => candidate.unitId === unitId);
  const place = row && {
    unitClass: unit.class,
    rank: row.rank,
    of: ranking?.rows.length ?? 0,
    ...(row.change === undefined ? {} : { change: row.change }),
  };
  return { unitId, unitName: unit.name, period, lines, total: cents / 100, ...(place ? { place } : {}) };
}
