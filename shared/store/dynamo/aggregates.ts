import { type PeriodCounts, previousPeriod } from '../../domain/ranking';
import type { TableRef } from './client';
import { counterYears } from './ledger';
import { queryAll } from './query';

/**
 * Counters live in one row per unit and year (`AGG#<year>` / `UNIT#<unitId>`), attributes named
 * by period (`2026-11:points`); see `counterUpdates` in ledger.ts. A period's figures are read
 * from its year's rows; the previous period's too, even across the new year (carried there).
 */
export type YearRows = Map<string, Record<string, unknown>>;

/** Every unit's counter row of a year: one Query on `AGG#<year>`. */
export async function yearRows(table: TableRef, year: number): Promise<YearRows> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `AGG#${year}` },
  });
  return new Map(items.map((item) => [String(item.unitId), item]));
}

/** One period's counters in a unit's year row, names without the period (`points`, `upperBy:…`). */
export function periodCounters(
  row: Record<string, unknown> | undefined,
  period: string,
): Record<string, number> {
  const prefix = `${period}:`;
  const counters: Record<string, number> = {};
  for (const [name, value] of Object.entries(row ?? {})) {
    if (typeof value === 'number' && name.startsWith(prefix)) counters[name.slice(prefix.length)] = value;
  }
  return counters;
}

/** The counters of one period in year rows; a unit with none in that period is left out. */
function periodOf(rows: YearRows, period: string): Map<string, Record<string, number>> {
  const result = new Map<string, Record<string, number>>();
  for (const [unitId, row] of rows) {
    const counters = periodCounters(row, period);
    if (Object.keys(counters).length > 0) result.set(unitId, counters);
  }
  return result;
}

/** The year row a period's own figures are kept in. */
const yearOfPeriod = (period: string): number => Number(counterYears(period).year);

function countsOf(rows: Map<string, Record<string, number>>): Map<string, PeriodCounts> {
  const counts = new Map<string, PeriodCounts>();
  for (const [unitId, row] of rows) {
    counts.set(unitId, {
      submitted: row.submitted ?? 0,
      adopted: row.adopted ?? 0,
      upperAdopted: row.upperAdopted ?? 0,
      instructions: row.instructions ?? 0,
      points: row.points ?? 0,
    });
  }
  return counts;
}

/** Every counter of every unit in one period (breakdowns included): one Query on `AGG#<year>`. */
export async function periodRows(
  table: TableRef,
  period: string,
): Promise<Map<string, Record<string, number>>> {
  return periodOf(await yearRows(table, yearOfPeriod(period)), period);
}

/** The per-unit counters a ranking needs, from one Query (never a Scan). */
export async function periodCounts(table: TableRef, period: string): Promise<Map<string, PeriodCounts>> {
  return countsOf(await periodRows(table, period));
}

/**
 * A period's counters and its previous period's (for the change in rank) from the same Query:
 * January's December, Q1's fourth quarter and a year's previous year are kept in its year rows.
 */
export async function periodCountsWithPrevious(
  table: TableRef,
  period: string,
): Promise<{ current: Map<string, PeriodCounts>; previous: Map<string, PeriodCounts> | undefined }> {
  const rows = await yearRows(table, yearOfPeriod(period));
  const before = previousPeriod(period);
  return {
    current: countsOf(periodOf(rows, period)),
    previous: before ? countsOf(periodOf(rows, before)) : undefined,
  };
}

/**
 * The three counter reads above, sharing one Query per year among calls that run at the same time
 * (the overdue report reads a month's and its year's counters at once: both live in the year's
 * rows). Nothing is kept once the Query has answered, so a later call reads afresh.
 */
export function sharedCounterReads(table: TableRef) {
  const inFlight = new Map<number, Promise<YearRows>>();
  const rowsOf = (year: number) => {
    let rows = inFlight.get(year);
    if (!rows) {
      rows = yearRows(table, year).finally(() => inFlight.delete(year));
      inFlight.set(year, rows);
    }
    return rows;
  };
  return {
    rows: async (period: string) => periodOf(await rowsOf(yearOfPeriod(period)), period),
    counts: async (period: string) => countsOf(periodOf(await rowsOf(yearOfPeriod(period)), period)),
    countsWithPrevious: async (period: string) => {
      const rows = await rowsOf(yearOfPeriod(period));
      const before = previousPeriod(period);
      return {
        current: countsOf(periodOf(rows, period)),
        previous: before ? countsOf(periodOf(rows, before)) : undefined,
      };
    },
  };
}
