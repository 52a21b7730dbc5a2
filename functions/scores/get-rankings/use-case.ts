import { periodStart, previousPeriod, type Ranking, rank } from '#shared/domain/ranking';
import { BadRequestError } from '#shared/errors';
import { HttpReply } from '#shared/http/responses';
import { rankingsCsv, rankingsXlsx } from '#shared/render/tables/rankings';
import type { RankingQuery } from '#shared/schemas/rankings';
import { unitClasses } from '#shared/schemas/units';
import type { ScoresDeps } from '../deps';

/** Rankings of a period per unit class, from the counters kept with every fact: never a Scan of items. */
export async function getRankings(
  deps: ScoresDeps,
  query: RankingQuery,
): Promise<{ rankings: Ranking[] } | HttpReply> {
  const start = periodStart(query.period);
  if (!start)
    throw new BadRequestError(
      'PERIOD_INVALID',
      `统计期“${query.period}”格式不对，应为 2026-10、2026-Q4 或 2026`,
    );
  if (start.getTime() > deps.now().getTime()) {
    throw new BadRequestError('PERIOD_IN_FUTURE', `统计期 ${query.period} 尚未开始`);
  }
  const previous = previousPeriod(query.period);
  const [units, current, before] = await Promise.all([
    deps.units.list(),
    deps.counts(query.period),
    previous ? deps.counts(previous) : Promise.resolve(undefined),
  ]);
  const refs = units
    .filter((unit) => unit.active)
    .map((unit) => ({ unitId: unit.id, name: unit.name, unitClass: unit.class }));
  const classes = query.class ? [query.class] : [...unitClasses];
  const rankings = classes.map((unitClass) => rank(query.period, unitClass, refs, current, before));
  const name = encodeURIComponent(`信息采用排名-${query.period}`);
  if (query.format === 'csv') {
    return new HttpReply(200, rankingsCsv(rankings), {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="rankings-${query.period}.csv"; filename*=UTF-8''${name}.csv`,
    });
  }
  if (query.format === 'xlsx') {
    const body = await rankingsXlsx(rankings);
    return new HttpReply(
      200,
      body.toString('base64'),
      {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="rankings-${query.period}.xlsx"; filename*=UTF-8''${name}.xlsx`,
      },
      true,
    );
  }
  return { rankings };
}
