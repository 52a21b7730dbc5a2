/**
 * What the public archive shows and where: the object key scheme and the visibility rule.
 * Only published bulletins of archived series with at least one public item appear, and of
 * those only the public items — decided here once, for every page and the search shards.
 */
import type { Bulletin, BulletinItem } from '../schemas/bulletins';

export const siteKeys = {
  home: 'index.html',
  year: (year: number) => `${year}/index.html`,
  series: (seriesId: string) => `series/${seriesId}/index.html`,
  bulletin: (year: number, seriesId: string, number: number) => `${year}/${seriesId}/${number}/index.html`,
  searchPage: 'search/index.html',
  /** The search manifest: years, index parts, issues in document order (search/bigram-index.ts). */
  years: 'search/years.json',
  /** A shard of an index part, or (name `<n>-<j>`) a long postings list of shard n. */
  searchIndex: (part: string, name: string | number) => `search/index/${part}/${name}.json`,
  /** What a search hit shows of the k-th public item of an issue. */
  searchItem: (year: number, seriesId: string, number: number, k: number) =>
    `search/items/${year}/${seriesId}/${number}/${k}.json`,
  /** The monthly ranking notices (采用情况通报) and their index; written by the ranking job. */
  rankingNotice: (month: string) => `rankings/${month}.html`,
  rankingNotices: 'rankings/index.html',
  css: 'assets/site.css',
  js: 'assets/search.js',
} as const;

/** Prefixes of the objects the publisher owns; a rebuild deletes stale objects only under these. */
export const managedPrefixes = [/^\d{4}\//, /^series\//, /^search\//];

/** A bulletin as the archive shows it: published, numbered, public items only. */
export interface VisibleBulletin {
  bulletinId: string;
  seriesId: string;
  seriesName: string;
  year: number;
  number: number;
  total: number | undefined;
  publishedAt: string;
  items: BulletinItem[];
  key: string;
}

export function visibleBulletin(bulletin: Bulletin, seriesArchived: boolean): VisibleBulletin | undefined {
  if (!seriesArchived || bulletin.status !== 'published') return undefined;
  if (bulletin.number === undefined || !bulletin.publishedAt) return undefined;
  const items = bulletin.items.filter((item) => item.openness === 'public');
  if (items.length === 0) return undefined;
  return {
    bulletinId: bulletin.bulletinId,
    seriesId: bulletin.seriesId,
    seriesName: bulletin.seriesName,
    year: bulletin.year,
    number: bulletin.number,
    total: bulletin.total,
    publishedAt: bulletin.publishedAt,
    items,
    key: siteKeys.bulletin(bulletin.year, bulletin.seriesId, bulletin.number),
  };
}

/** Newest first: by publication time, then by number. */
export function byNewest(a: VisibleBulletin, b: VisibleBulletin): number {
  return b.publishedAt.localeCompare(a.publishedAt) || b.number - a.number;
}

/** The visible archive: years newest first, each year's bulletins newest first. */
export interface SiteState {
  years: { year: number; bulletins: VisibleBulletin[] }[];
}

export function allBulletins(state: SiteState): VisibleBulletin[] {
  return state.years.flatMap((entry) => entry.bulletins);
}

export function bulletinsOfYear(state: SiteState, year: number): VisibleBulletin[] {
  return state.years.find((entry) => entry.year === year)?.bulletins ?? [];
}

export function bulletinsOfSeries(state: SiteState, seriesId: string): VisibleBulletin[] {
  return allBulletins(state).filter((b) => b.seriesId === seriesId);
}

/** Series that have visible bulletins, with the newest name each is known by. */
export function seriesOf(state: SiteState): { seriesId: string; seriesName: string }[] {
  const seen = new Map<string, string>();
  for (const b of allBulletins(state)) if (!seen.has(b.seriesId)) seen.set(b.seriesId, b.seriesName);
  return [...seen].map(([seriesId, seriesName]) => ({ seriesId, seriesName }));
}

/**
 * A link from the page at `fromKey` to the object `toKey`, relative so the site works from any
 * host path and from disk; always to `…/index.html`, since a bare directory does not open from disk.
 */
export function relative(fromKey: string, toKey: string): string {
  const depth = fromKey.split('/').length - 1;
  return '../'.repeat(depth) + toKey;
}
