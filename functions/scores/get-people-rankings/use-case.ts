import { type PersonRankingRow, rankPeople } from '#shared/domain/person-ranking';
import { periodStart } from '#shared/domain/ranking';
import { BadRequestError } from '#shared/errors';
import { HttpReply } from '#shared/http/responses';
import { peopleRankingCsv, peopleRankingXlsx } from '#shared/render/tables/rankings';
import type { PersonRankingQuery } from '#shared/schemas/rankings';
import type { ScoresDeps } from '../deps';

export const personRankingOrder = '上级采用、批示、采用、报送依次从多到少；相同者并列';

/**
 * 先进个人: every person with something counted in the period, from the figures kept on the units'
 * counter rows with each fact (one Query of the year's rows as the unit ranking reads them, and
 * the people's records for their names; never a Scan of items). JSON, or CSV/XLSX.
 */
export async function getPeopleRankings(
  deps: Pick<ScoresDeps, 'units' | 'now'> & Required<Pick<ScoresDeps, 'personCounts'>>,
  query: PersonRankingQuery,
): Promise<{ period: string; order: string; rows: PersonRankingRow[] } | HttpReply> {
  const start = periodStart(query.period);
  if (!start)
    throw new BadRequestError(
      'PERIOD_INVALID',
      `统计期“${query.period}”格式不对，应为 2026-10、2026-Q4 或 2026`,
    );
  if (start.getTime() > deps.now().getTime())
    throw new BadRequestError('PERIOD_IN_FUTURE', `统计期 ${query.period} 尚未开始`);
  const [units, counts] = await Promise.all([deps.units.list(), deps.personCounts(query.period)]);
  const names = new Map(units.map((unit) => [unit.id, unit.name]));
  const rows = rankPeople(query.unitId ? counts.filter((row) => row.unitId === query.unitId) : counts, names);
  const name = encodeURIComponent(`先进个人排名-${query.period}`);
  if (query.format === 'csv')
    return new HttpReply(200, peopleRankingCsv(query.period, rows), {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="people-rankings-${query.period}.csv"; filename*=UTF-8''${name}.csv`,
    });
  if (query.format === 'xlsx')
    return new HttpReply(
      200,
      peopleRankingXlsx(query.period, rows).toString('base64'),
      {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="people-rankings-${query.period}.xlsx"; filename*=UTF-8''${name}.xlsx`,
      },
      true,
    );
  return { period: query.period, order: personRankingOrder, rows };
}
