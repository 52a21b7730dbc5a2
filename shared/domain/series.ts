/**
 * The series (刊物) an office publishes, and the rule that keeps their ids stable: an id that was
 * ever configured (or is one of the defaults) stays in the list for good — it numbers issues and
 * ledger reasons — and is switched off with `active: false` instead. Pure: no AWS import.
 */
import type { Bulletin, Series } from '../schemas/bulletins';

/** What GET /series answers before an administrator has saved any series. */
export const defaultSeries: readonly Series[] = Object.freeze([
  { seriesId: 'zwxx', name: '政务信息', publicOnly: false, archived: true, active: true },
  { seriesId: 'mryq', name: '每日要情', publicOnly: false, archived: false, active: true },
  { seriesId: 'zb', name: '专报', publicOnly: false, archived: false, active: true },
  { seriesId: 'zk', name: '增刊', publicOnly: true, archived: true, active: true },
]);

/** A fresh copy of the defaults, safe for the caller to change. */
export function defaultSeriesList(): Series[] {
  return defaultSeries.map((s) => ({ ...s }));
}

/** Ids listed more than once, each with the indexes after its first occurrence. */
export function duplicateSeriesIds(
  next: readonly Series[],
): { seriesId: string; index: number; first: number }[] {
  const seen = new Map<string, number>();
  const duplicates: { seriesId: string; index: number; first: number }[] = [];
  for (const [index, s] of next.entries()) {
    const first = seen.get(s.seriesId);
    if (first === undefined) seen.set(s.seriesId, index);
    else duplicates.push({ seriesId: s.seriesId, index, first });
  }
  return duplicates;
}

/**
 * Ids that `next` would drop: every id of the current list and of the defaults must stay. The
 * current list is always a superset of everything stored before (each save passes this check),
 * so "current ∪ defaults" is "every id ever stored or defaulted".
 */
export function removedSeriesIds(current: readonly Series[], next: readonly Series[]): string[] {
  const kept = new Set(next.map((s) => s.seriesId));
  const known = [...new Set([...current.map((s) => s.seriesId), ...defaultSeries.map((s) => s.seriesId)])];
  return known.filter((id) => !kept.has(id));
}

/** An issue as a unit reads it in a ledger reason: 《政务信息》2026年第12期 (publishing and replay alike). */
export function issueLabel(issue: Pick<Bulletin, 'seriesName' | 'year' | 'number'>): string {
  return `《${issue.seriesName}》${issue.year}年第${issue.number}期`;
}
