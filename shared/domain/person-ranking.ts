import { parsePeriod } from './ranking';

/** 先进个人: 信息员 ranked by what their items achieved in a period (pure). */
export interface PersonPeriodCounts {
  personId: string;
  name: string;
  unitId: string;
  submitted: number;
  adopted: number;
  upperAdopted: number;
  instructions: number;
}

export interface PersonRankingRow extends PersonPeriodCounts {
  unitName: string;
  /** 采用率 (%), one decimal. */
  adoptionRate: number;
  rank: number;
}

/**
 * Order: upper-level adoptions (上级采用), then 批示, then adoptions (采用), then submissions (报送),
 * all descending — what a 先进个人 评选 weighs first comes first. Equal figures share a rank
 * (1, 2, 2, 4); ties are listed by unit and name.
 */
export function rankPeople(rows: PersonPeriodCounts[], unitNames: Map<string, string>): PersonRankingRow[] {
  const key = (row: PersonPeriodCounts) => [row.upperAdopted, row.instructions, row.adopted, row.submitted];
  const compare = (a: PersonPeriodCounts, b: PersonPeriodCounts) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) {
      const diff = (kb[i] ?? 0) - (ka[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return 0;
  };
  const sorted = [...rows].sort(
    (a, b) => compare(a, b) || a.unitId.localeCompare(b.unitId) || a.name.localeCompare(b.name, 'zh'),
  );
  let rank = 0;
  return sorted.map((row, index) => {
    const previous = sorted[index - 1];
    if (!previous || compare(previous, row) !== 0) rank = index + 1;
    return {
      ...row,
      unitName: unitNames.get(row.unitId) ?? row.unitId,
      adoptionRate: row.submitted ? Math.round((row.adopted / row.submitted) * 1000) / 10 : 0,
      rank,
    };
  });
}

/** The figures a person is credited with (先进个人): the same names as the units' counters. */
export const personCounterNames = ['submitted', 'adopted', 'upperAdopted', 'instructions'] as const;
export type PersonCounter = (typeof personCounterNames)[number];

/** A person credited with an item's figures, under the unit the item credits for them. */
export interface PersonCredit {
  personId: string;
  name: string;
  unitId: string;
}

/**
 * Who an item's figures count for: its submitting person under its unit, or — for a 综合信息
 * merged from several items — the person of each source (as the unit of each source is
 * co-credited), each person once. An `xb_` token's item counts for nobody.
 */
export function creditedPeople(item: {
  unitId: string;
  submittedBy?: { personId: string; name: string } | undefined;
  sourcePeople?: PersonCredit[] | undefined;
}): PersonCredit[] {
  const credits = item.sourcePeople
    ? item.sourcePeople
    : item.submittedBy
      ? [{ personId: item.submittedBy.personId, name: item.submittedBy.name, unitId: item.unitId }]
      : [];
  const seen = new Set<string>();
  return credits.filter((credit) => !seen.has(credit.personId) && seen.add(credit.personId));
}

/** The months (`YYYY-MM`) of a month, a quarter or a year: a person's figures are kept by month. */
export function monthsOfPeriod(period: string): string[] {
  const parsed = parsePeriod(period);
  if (!parsed) return [];
  const first =
    parsed.kind === 'month' ? parsed.index : parsed.kind === 'quarter' ? (parsed.index - 1) * 3 + 1 : 1;
  const count = parsed.kind === 'month' ? 1 : parsed.kind === 'quarter' ? 3 : 12;
  return Array.from(
    { length: count },
    (_, offset) => `${parsed.year}-${String(first + offset).padStart(2, '0')}`,
  );
}

/** One person's figures in a period under one unit (a person who moved has figures under two). */
export interface PersonUnitFigures {
  personId: string;
  unitId: string;
  figures: Record<PersonCounter, number>;
}

/**
 * Each person's figures summed over the units they were credited under, named from their record
 * and listed under the unit they belong to now (or, with no record or no unit, the unit that
 * credited them most). People with nothing counted in the period are left out.
 */
export function peopleCounts(
  figures: readonly PersonUnitFigures[],
  people: Map<string, { name: string; unitId?: string | undefined }>,
): PersonPeriodCounts[] {
  const byPerson = new Map<string, PersonUnitFigures[]>();
  for (const entry of figures) byPerson.set(entry.personId, [...(byPerson.get(entry.personId) ?? []), entry]);
  const counts: PersonPeriodCounts[] = [];
  for (const [personId, entries] of byPerson) {
    const sum = (name: PersonCounter) => entries.reduce((total, entry) => total + entry.figures[name], 0);
    const row = {
      submitted: sum('submitted'),
      adopted: sum('adopted'),
      upperAdopted: sum('upperAdopted'),
      instructions: sum('instructions'),
    };
    if (!row.submitted && !row.adopted && !row.upperAdopted && !row.instructions) continue;
    const record = people.get(personId);
    const weight = (entry: PersonUnitFigures) =>
      personCounterNames.reduce((total, name) => total + entry.figures[name], 0);
    const most = [...entries].sort((a, b) => weight(b) - weight(a) || a.unitId.localeCompare(b.unitId))[0];
    counts.push({
      personId,
      name: record?.name ?? personId,
      unitId: record?.unitId ?? most?.unitId ?? '',
      ...row,
    });
  }
  return counts;
}
