import type { Ranking } from '#shared/domain/ranking';
import type { RankMovement } from '#shared/mail/digest';

const shown = 3;

/**
 * The units that moved most in rank (within their class) against the month before: up to three
 * up, biggest climb first, and three down, biggest fall first. Units new to the ranking do not count.
 */
export function rankMovement(month: string, rankings: Ranking[]): RankMovement {
  const moved = rankings
    .flatMap((ranking) => ranking.rows)
    .flatMap((row) =>
      row.change ? [{ unitId: row.unitId, name: row.name, rank: row.rank, change: row.change }] : [],
    );
  const pick = (list: typeof moved) =>
    list.slice(0, shown).map(({ name, rank, change }) => ({ name, rank, change }));
  return {
    month,
    up: pick(
      moved
        .filter((row) => row.change > 0)
        .sort((a, b) => b.change - a.change || a.unitId.localeCompare(b.unitId)),
    ),
    down: pick(
      moved
        .filter((row) => row.change < 0)
        .sort((a, b) => a.change - b.change || a.unitId.localeCompare(b.unitId)),
    ),
  };
}
