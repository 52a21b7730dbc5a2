import { noonOf } from '#functions/facts/rules';
import { yearOf } from '#shared/domain/periods';
import type { ScoringFact, TimedLine } from '#shared/domain/scoring/index';
import type { ItemFactRows } from '#shared/store/dynamo/facts';

/**
 * Upper adoptions and 批示 read from the item's own fact rows, dated as recording them dated
 * their lines (noon of the day; the n-th 批示 of an item n ms later). Used for items whose lines
 * the ledger holds but whose scoring facts were never stored (recorded before they were kept),
 * so a replay rescored them rather than dropping their lines.
 */
export function factsFromItemRows(itemId: string, rows: ItemFactRows, year: number): ScoringFact[] {
  const upper = rows.upperAdoptions.map(
    (fact): ScoringFact => ({
      kind: 'upper-adopted',
      itemId,
      publicationId: fact.publicationId,
      forwardedThroughCity: fact.forwardedThroughCity,
      units: fact.units.map((unitId) => ({ unitId })),
      at: noonOf(fact.date).toISOString(),
    }),
  );
  const byRecording = [...rows.instructions].sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : 1));
  const instructions = byRecording.map(
    (fact, index): ScoringFact => ({
      kind: 'instruction',
      itemId,
      level: fact.level,
      leader: fact.leader,
      units: fact.units.map((unitId) => ({ unitId })),
      at: new Date(noonOf(fact.date).getTime() + index).toISOString(),
      levelsAlreadyCounted: [],
    }),
  );
  return [...upper, ...instructions].filter(
    (fact) => fact.kind !== 'quota' && yearOf(new Date(fact.at)) === String(year),
  );
}

/** Items with upper-adoption or 批示 lines in the ledger but no such scoring fact stored. */
export function itemsWithoutStoredFacts(
  lines: readonly TimedLine[],
  stored: readonly ScoringFact[],
): string[] {
  const known = new Set(
    stored.flatMap((fact) =>
      fact.kind === 'upper-adopted' || fact.kind === 'instruction' ? [fact.itemId] : [],
    ),
  );
  const scored = lines.filter((line) => /^(upper|instruction):/.test(line.rule)).map((line) => line.refId);
  return [...new Set(scored)].filter((itemId) => !known.has(itemId)).sort();
}
