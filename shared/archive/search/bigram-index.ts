/**
 * The archive's search index, built from the visible bulletins (pure: no I/O). Compacted parts:
 * the newest year, and all closed years together; plus a small `recent` part holding the issues
 * published since the last compaction (the nightly `search-compaction` job), which a publish or
 * withdrawal rebuilds whole.
 *
 * - one small document per public item (`search/items/<year>/<series>/<number>/<k>.json`: what a
 *   hit shows: label, link, title, text, units, date), fetched only for the results on screen;
 * - per part, the bigram + single-character postings (./index-source.ts) spread over `shards`
 *   JSON objects (`search/index/<part>/<n>.json`), a query fetching only the shards of its keys;
 *   a long list has an object of its own (`<n>-<j>.json`) so a rare key never pays for it;
 * - the manifest (`search/years.json`): per part the shard count and the issues in document
 *   order, so a doc number leads to its document's key.
 *
 * A publish therefore writes at most `recentMaxShards` index objects (a day's publishes are far
 * fewer; `recentCapShards` if the nightly job has failed for days) and the manifest, whatever the
 * size of the year; a withdrawn issue of a compacted part is listed in its part's `hidden` until
 * the next compaction rebuilds that part (archive/publisher.ts).
 */
import { runInNewContext } from 'node:vm';
import type { VisibleBulletin } from '../site';
import { indexSource } from './index-source';
import { loadMatcher } from './matcher';
import { type ShardDocument, searchDocuments } from './shard';

export interface XinbaoIndex {
  indexText(normalized: string): string;
  termKeys(term: string): [string, number][];
  shardOf(key: string, shards: number): number;
  termDocs(term: string, lookup: (key: string) => number[] | undefined): number[];
}

export function loadIndex(): XinbaoIndex {
  return runInNewContext(`${indexSource}\nXinbaoIndex`, {}) as XinbaoIndex;
}

let loaded: { index: XinbaoIndex; matcher: ReturnType<typeof loadMatcher> } | undefined;
/** The shipped index rules and matcher, evaluated on first use (not at a function's cold start). */
function shared() {
  loaded ??= { index: loadIndex(), matcher: loadMatcher() };
  return loaded;
}

/** An issue in the manifest: year, series, number, public items. */
export type ManifestIssue = [year: number, seriesId: string, number: number, items: number];

/** One index part: the newest year, or all closed years together. */
export interface PartManifest {
  /** Object folder, `search/index/<name>/`. */
  name: string;
  shards: number;
  /** In document order (oldest first). */
  issues: ManifestIssue[];
  /**
   * Indexes into `issues` of issues withdrawn (or no longer shown) since the part was built:
   * their documents keep their numbers in the postings, the search skips them; their entry in
   * `issues` keeps only the item count (`[0, '', 0, items]`).
   */
  hidden?: number[];
}

export interface Manifest {
  /** Newest first. */
  years: number[];
  /** The newest year's part first. */
  parts: PartManifest[];
}

/**
 * Postings of one shard: key → flat numbers (see index-source.ts), or the name of the object
 * that holds a long list (`search/index/<part>/<name>.json`).
 */
export type ShardPostings = Record<string, number[] | string>;

/** An object of one long postings list. */
export interface ShardObject {
  name: string;
  body: string;
}

/** Oldest first: the reverse of the site's newest-first order, series as the last tie-break. */
export function documentOrder(bulletins: VisibleBulletin[]): VisibleBulletin[] {
  return [...bulletins].sort(
    (a, b) =>
      a.publishedAt.localeCompare(b.publishedAt) ||
      a.number - b.number ||
      a.seriesId.localeCompare(b.seriesId),
  );
}

/** Index text per character of postings a shard should hold at most, on average. */
const charactersPerShard = 8_000;
const maxShards = 1_024;

/** Shard count of a part: a power of two, growing with its text. */
export function shardCount(characters: number): number {
  let shards = 1;
  while (shards < maxShards && characters / shards > charactersPerShard) shards *= 2;
  return shards;
}

interface YearText {
  order: VisibleBulletin[];
  /** Index text of every document, in document order. */
  texts: string[];
  characters: number;
}

function yearText(bulletins: VisibleBulletin[]): YearText {
  const order = documentOrder(bulletins);
  const { index, matcher } = shared();
  const texts = order.flatMap((b) => searchDocuments(b).map((doc) => index.indexText(matcher.haystack(doc))));
  return { order, texts, characters: texts.reduce((sum, text) => sum + text.length, 0) };
}

/** The size that decides a part's shard count: its items' text as stored (cheap, no index). */
export function textSize(bulletins: VisibleBulletin[]): number {
  let size = 0;
  for (const b of bulletins)
    for (const item of b.items)
      size +=
        item.title.length + item.body.length + item.unitNames.reduce((sum, name) => sum + name.length + 1, 0);
  return size;
}

/** A part's manifest entry without building its postings (a part a change does not touch). */
export function partManifest(name: string, bulletins: VisibleBulletin[]): PartManifest {
  return {
    name,
    shards: shardCount(textSize(bulletins)),
    issues: documentOrder(bulletins).map(
      (b): ManifestIssue => [b.year, b.seriesId, b.number, b.items.length],
    ),
  };
}

export interface PartIndex {
  manifest: PartManifest;
  /** Every shard (index = shard number): its JSON body and the long lists it points to. */
  shards: { body: string; own: ShardObject[] }[];
}

/** Postings longer than this (numbers) get an object of their own, out of their shard. */
const ownObjectAbove = 6_000;

export function buildPartIndex(
  name: string,
  bulletins: VisibleBulletin[],
  shards = shardCount(textSize(bulletins)),
): PartIndex {
  const { order, texts, characters } = yearText(bulletins);
  // Characters get small ids so a bigram is one small-integer Map key. Two passes over typed
  // arrays (count, then place) keep millions of positions out of growing JS arrays.
  const charId = new Int32Array(65_536).fill(-1);
  const chars: number[] = [];
  const unigramLists: number[][] = [];
  const unigramLast: number[] = [];
  const bigramId = new Map<number, number>();
  const bigramKeys: number[] = [];
  const keyAt = new Int32Array(characters).fill(-1);
  let counts = new Int32Array(1_024);
  const space = 32;
  let offset = 0;
  texts.forEach((text, doc) => {
    let previous = -1;
    for (let at = 0; at < text.length; at++, offset++) {
      const code = text.charCodeAt(at);
      if (code === space) {
        previous = -1;
        continue;
      }
      let id = charId[code] as number;
      if (id < 0) {
        id = chars.length;
        charId[code] = id;
        chars.push(code);
        unigramLists.push([]);
        unigramLast.push(-1);
      }
      const seenIn = unigramLast[id] as number;
      if (seenIn !== doc) {
        (unigramLists[id] as number[]).push(seenIn < 0 ? doc : doc - seenIn);
        unigramLast[id] = doc;
      }
      if (previous >= 0) {
        const pair = previous * 65_536 + id;
        let key = bigramId.get(pair);
        if (key === undefined) {
          key = bigramKeys.length;
          bigramId.set(pair, key);
          bigramKeys.push(pair);
          if (key >= counts.length) {
            const grown = new Int32Array(counts.length * 2);
            grown.set(counts);
            counts = grown;
          }
        }
        keyAt[offset - 1] = key;
        counts[key] = (counts[key] as number) + 1;
      }
      previous = id;
    }
  });
  const keys = bigramKeys.length;
  const start = new Int32Array(keys + 1);
  for (let key = 0; key < keys; key++) start[key + 1] = (start[key] as number) + (counts[key] as number);
  const fill = start.slice(0, keys);
  const docOf = new Int32Array(start[keys] as number);
  const posOf = new Int32Array(start[keys] as number);
  offset = 0;
  texts.forEach((text, doc) => {
    for (let at = 0; at < text.length; at++, offset++) {
      const key = keyAt[offset] as number;
      if (key < 0) continue;
      const slot = fill[key] as number;
      docOf[slot] = doc;
      posOf[slot] = at;
      fill[key] = slot + 1;
    }
  });
  // A bigram's flat postings: doc gap, count, first position, position gaps… per doc.
  const postingsOf = (key: number): number[] => {
    const list: number[] = [];
    let lastDoc = -1;
    let countAt = 0;
    let lastAt = 0;
    for (let slot = start[key] as number; slot < (start[key + 1] as number); slot++) {
      const doc = docOf[slot] as number;
      const at = posOf[slot] as number;
      if (doc !== lastDoc) {
        list.push(lastDoc < 0 ? doc : doc - lastDoc, 0);
        countAt = list.length - 1;
        lastDoc = doc;
        lastAt = 0;
      }
      list[countAt] = (list[countAt] as number) + 1;
      list.push(at - lastAt);
      lastAt = at;
    }
    return list;
  };
  const entries: [string, number[]][] = [];
  chars.forEach((code, id) => {
    entries.push([String.fromCharCode(code), unigramLists[id] as number[]]);
  });
  bigramKeys.forEach((pair, key) => {
    const first = chars[Math.floor(pair / 65_536)] as number;
    entries.push([String.fromCharCode(first, chars[pair % 65_536] as number), postingsOf(key)]);
  });
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const postings: ShardPostings[] = Array.from({ length: shards }, () => ({}));
  const own: ShardObject[][] = Array.from({ length: shards }, () => []);
  for (const [key, list] of entries) {
    const shard = shared().index.shardOf(key, shards);
    const into = postings[shard] as ShardPostings;
    if (list.length > ownObjectAbove) {
      const objects = own[shard] as ShardObject[];
      const name = `${shard}-${objects.length}`;
      objects.push({ name, body: JSON.stringify(list) });
      into[key] = name;
    } else into[key] = list;
  }
  return {
    manifest: {
      name,
      shards,
      issues: order.map((b): ManifestIssue => [b.year, b.seriesId, b.number, b.items.length]),
    },
    shards: postings.map((shard, n) => ({ body: JSON.stringify(shard), own: own[n] as ShardObject[] })),
  };
}

/** The item documents of an issue, in manifest order (k = 0, 1, …). */
export function itemDocuments(bulletin: VisibleBulletin): ShardDocument[] {
  return searchDocuments(bulletin);
}

export interface Part {
  name: string;
  years: number[];
  bulletins: VisibleBulletin[];
}

/** The part of the issues published since the last compaction, searched first. */
export const recentPart = 'recent';

/**
 * The recent part's normal bound: the nightly compaction job (`search-compaction`) folds the
 * recent part into the others, so between two runs it holds about a day's publishes, far below
 * this many issues or characters of text, or this many hidden issues in the other parts. The text
 * bound keeps the recent part's shards as dense as a large year's (`charactersPerShard`; a first
 * search reads one per key, every list inline) with at most `recentMaxShards` of them.
 */
const recentMaxShards = 8;
export const recentBound = { issues: 30, characters: recentMaxShards * charactersPerShard, hidden: 30 };

/**
 * Past this (three times the normal bound: the nightly job has failed for days), or with the
 * manifest or a part's objects missing, a publish or withdrawal compacts itself as a safety net.
 * Below it a publish writes at most `recentCapShards` index objects for the recent part.
 */
export const recentCap = {
  issues: 3 * recentBound.issues,
  characters: 3 * recentBound.characters,
  hidden: 3 * recentBound.hidden,
};
const recentCapShards = 32;

/**
 * Shard count of the recent part: a power of two, as dense as a year's shards — at most
 * `recentMaxShards` within the normal bound, at most `recentCapShards` up to the hard cap.
 */
export function recentShardCount(characters: number): number {
  let shards = 1;
  while (shards < recentCapShards && characters / shards > charactersPerShard) shards *= 2;
  return shards;
}

/** The newest year is a part of its own; every older year is in the part `closed`. */
export function searchParts(years: { year: number; bulletins: VisibleBulletin[] }[]): Part[] {
  const sorted = [...years].filter((entry) => entry.bulletins.length > 0).sort((a, b) => b.year - a.year);
  const [newest, ...closed] = sorted;
  if (!newest) return [];
  const parts: Part[] = [{ name: String(newest.year), years: [newest.year], bulletins: newest.bulletins }];
  if (closed.length > 0)
    parts.push({
      name: 'closed',
      years: closed.map((entry) => entry.year),
      bulletins: closed.flatMap((entry) => entry.bulletins),
    });
  return parts;
}
