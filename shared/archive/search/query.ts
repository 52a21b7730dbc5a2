/**
 * The page's search (ui-source.ts) in Node, over the archive's objects: for tests and tools. It
 * uses the same shipped index rules (index-source.ts) and matcher; only the fetching differs.
 */
import { loadIndex, type Manifest, type ShardPostings } from './bigram-index';
import { loadMatcher } from './matcher';
import type { ShardDocument } from './shard';

const index = loadIndex();
const matcher = loadMatcher();

/** Reads an object below `search/` (e.g. `years.json`, `index/2026/3.json`); undefined if absent. */
export type SearchObjects = (path: string) => string | undefined;

export interface SearchHit {
  /** Object path below `search/`, items/<year>/<series>/<number>/<k>.json */
  path: string;
  doc: ShardDocument;
}

/** Every hit of the query, newest first, and the objects read to find them (below `search/`). */
export function searchArchive(read: SearchObjects, query: string): { hits: SearchHit[]; read: string[] } {
  const fetched = new Set<string>();
  const json = <T>(path: string): T | undefined => {
    fetched.add(path);
    const body = read(path);
    return body === undefined ? undefined : (JSON.parse(body) as T);
  };
  const terms = matcher.terms(query);
  const manifest = json<Manifest>('years.json');
  if (terms.length === 0 || !manifest) return { hits: [], read: [...fetched] };
  const hits: SearchHit[] = [];
  for (const part of manifest.parts) {
    const lookup = (key: string) => {
      const shard = json<ShardPostings>(`index/${part.name}/${index.shardOf(key, part.shards)}.json`);
      const value = shard?.[key];
      return typeof value === 'string' ? json<number[]>(`index/${part.name}/${value}.json`) : value;
    };
    let docs: number[] | undefined;
    for (const term of terms) {
      const found = new Set(index.termDocs(term, lookup));
      docs = (docs ?? [...found]).filter((doc) => found.has(doc));
    }
    const starts: number[] = [];
    let total = 0;
    for (const issue of part.issues) {
      starts.push(total);
      total += issue[3];
    }
    const hidden = new Set(part.hidden ?? []);
    const located = (docs ?? [])
      .filter((n) => n < total)
      .map((doc) => {
        let at = starts.length - 1;
        while (at > 0 && (starts[at] as number) > doc) at--;
        return { at, k: doc - (starts[at] as number) };
      })
      // Issues withdrawn since the part was built.
      .filter(({ at }) => !hidden.has(at))
      // Newest issue first, its items in the issue's order.
      .sort((a, b) => b.at - a.at || a.k - b.k);
    for (const { at, k } of located) {
      const [year, seriesId, number] = part.issues[at] ?? [];
      const path = `items/${year}/${seriesId}/${number}/${k}.json`;
      const item = json<ShardDocument>(path);
      if (item) hits.push({ path, doc: item });
    }
  }
  return { hits, read: [...fetched] };
}
