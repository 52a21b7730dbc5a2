import type { Ranking } from '#shared/domain/ranking';
import { HttpReply } from '#shared/http/responses';
import { rankingsCsv, rankingsXlsx } from '#shared/render/tables/rankings';
import type { RankingQuery } from '#shared/schemas/rankings';
import type { ScoresDeps } from '../deps';
import { rankingsOf } from './rankings-of';

/** Rankings of a period as JSON, or as a CSV/XLSX download. */
export async function getRankings(
  deps: ScoresDeps,
  query: RankingQuery,
): Promise<{ rankings: Ranking[] } | HttpReply> {
  const rankings = await rankingsOf(deps, query);
  const name = encodeURIComponent(`信息采用排名-${query.period}`);
  if (query.format === 'csv') {
    return new HttpReply(200, rankingsCsv(rankings), {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="rankings-${query.period}.csv"; filename*=UTF-8''${name}.csv`,
    });
  }
  if (query.format === 'xlsx') {
    const body = rankingsXlsx(rankings);
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
