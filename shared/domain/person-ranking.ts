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
