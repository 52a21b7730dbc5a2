/**
 * Rankings (排名) from per-unit per-period counters: pure, so the same figures come out of the
 * API, the monthly notice and the tests. Units rank within their class.
 */
export interface UnitRef {
  unitId: string;
  name: string;
  unitClass: string;
}

export interface PeriodCounts {
  submitted: number;
  adopted: number;
  upperAdopted: number;
  instructions: number;
  /** Sum of the unit's ledger lines in the period. */
  points: number;
}

export interface RankingRow extends PeriodCounts {
  unitId: string;
  name: string;
  /** Adopted ÷ submitted, rounded to 0.1 %; 0 when nothing was submitted. */
  adoptionRate: number;
  rank: number;
  /** Positive when the unit climbed since the previous period; undefined when it was not ranked then. */
  change?: number;
}

export interface Ranking {
  period: string;
  unitClass: string;
  rows: RankingRow[];
  zeroReport: string[];
  zeroAdoption: string[];
}

const empty: PeriodCounts = { submitted: 0, adopted: 0, upperAdopted: 0, instructions: 0, points: 0 };

function order(a: PeriodCounts & { unitId: string }, b: PeriodCounts & { unitId: string }): number {
  return (
    b.points - a.points ||
    b.adopted - a.adopted ||
    b.upperAdopted - a.upperAdopted ||
    b.submitted - a.submitted ||
    a.unitId.localeCompare(b.unitId)
  );
}

/** Standard competition ranking: equal figures share a rank, the next rank skips (1, 1, 3). */
function ranks(rows: (PeriodCounts & { unitId: string })[]): Map<string, number> {
  const sorted = [...rows].sort(order);
  const result = new Map<string, number>();
  sorted.forEach((row, index) => {
    const previous = sorted[index - 1];
    const tied =
      previous &&
      previous.points === row.points &&
      previous.adopted === row.adopted &&
      previous.upperAdopted === row.upperAdopted &&
      previous.submitted === row.submitted;
    result.set(row.unitId, tied && previous ? (result.get(previous.unitId) ?? index + 1) : index + 1);
  });
  return result;
}

export function rank(
  period: string,
  unitClass: string,
  units: UnitRef[],
  current: Map<string, PeriodCounts>,
  previous: Map<string, PeriodCounts> | undefined,
): Ranking {
  const members = units.filter((unit) => unit.unitClass === unitClass);
  const rows = members.map((unit) => ({ unitId: unit.unitId, ...(current.get(unit.unitId) ?? empty) }));
  const now = ranks(rows);
  const before = previous
    ? ranks(members.map((unit) => ({ unitId: unit.unitId, ...(previous.get(unit.unitId) ?? empty) })))
    : undefined;
  const names = new Map(members.map((unit) => [unit.unitId, unit.name]));
  const ranked = rows
    .map((row): RankingRow => {
      const position = now.get(row.unitId) ?? rows.length;
      const earlier = before?.get(row.unitId);
      return {
        ...row,
        name: names.get(row.unitId) ?? row.unitId,
        adoptionRate: row.submitted ? Math.round((row.adopted / row.submitted) * 1000) / 10 : 0,
        rank: position,
        ...(earlier === undefined ? {} : { change: earlier - position }),
      };
    })
    .sort((a, b) => a.rank - b.rank || a.unitId.localeCompare(b.unitId));
  return {
    period,
    unitClass,
    rows: ranked,
    zeroReport: ranked.filter((row) => row.submitted === 0).map((row) => row.name),
    zeroAdoption: ranked.filter((row) => row.adopted === 0).map((row) => row.name),
  };
}

/** `2026-10`, `2026-Q4` or `2026`; undefined when malformed. */
export function parsePeriod(
  period: string,
): { kind: 'month' | 'quarter' | 'year'; year: number; index: number } | undefined {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) return { kind: 'month', year: Number(month[1]), index: Number(month[2]) };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return { kind: 'quarter', year: Number(quarter[1]), index: Number(quarter[2]) };
  const year = /^(\d{4})$/.exec(period);
  if (year) return { kind: 'year', year: Number(year[1]), index: 1 };
  return undefined;
}

/** The period before: 2026-01 → 2025-12, 2026-Q1 → 2025-Q4, 2026 → 2025. */
export function previousPeriod(period: string): string | undefined {
  const parsed = parsePeriod(period);
  if (!parsed) return undefined;
  if (parsed.kind === 'year') return String(parsed.year - 1);
  if (parsed.kind === 'quarter')
    return parsed.index === 1 ? `${parsed.year - 1}-Q4` : `${parsed.year}-Q${parsed.index - 1}`;
  return parsed.index === 1
    ? `${parsed.year - 1}-12`
    : `${parsed.year}-${String(parsed.index - 1).padStart(2, '0')}`;
}

/** The first moment (Asia/Shanghai) of a period, to refuse periods that have not begun. */
export function periodStart(period: string): Date | undefined {
  return periodBound(period, 0);
}

/** The end of a period (exclusive): the first moment (Asia/Shanghai) of the next one. */
export function periodEnd(period: string): Date | undefined {
  return periodBound(period, 1);
}

/** Midnight (Asia/Shanghai) of the 1st of the period's first month, `after` periods later. */
function periodBound(period: string, after: 0 | 1): Date | undefined {
  const parsed = parsePeriod(period);
  if (!parsed) return undefined;
  const first =
    parsed.kind === 'month' ? parsed.index : parsed.kind === 'quarter' ? (parsed.index - 1) * 3 + 1 : 1;
  const months = parsed.kind === 'month' ? 1 : parsed.kind === 'quarter' ? 3 : 12;
  // Counted on the calendar (Date.UTC rolls month 13 into the next year), then moved to Shanghai.
  return new Date(Date.UTC(parsed.year, first - 1 + after * months, 1) - 8 * 3_600_000);
}
