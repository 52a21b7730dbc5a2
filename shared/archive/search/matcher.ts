/** The browser matcher (matcher-source.ts) evaluated in Node, typed, for tests and tools. */
import { runInNewContext } from 'node:vm';
import { matcherSource } from './matcher-source';
import type { ShardDocument } from './shard';

export interface Segment {
  text: string;
  hit: boolean;
}

export interface Matcher {
  normalize(text: string): string;
  terms(query: string): string[];
  haystack(doc: ShardDocument): string;
  matches(haystack: string, terms: string[]): boolean;
  snippet(text: string, terms: string[], width: number): Segment[];
}

export function loadMatcher(): Matcher {
  return runInNewContext(`${matcherSource}\nXinbaoMatch`, {}) as Matcher;
}

/** The documents of a shard that a query finds, exactly as assets/search.js decides it. */
export function search(matcher: Matcher, docs: ShardDocument[], query: string): ShardDocument[] {
  const terms = matcher.terms(query);
  return docs.filter((doc) => matcher.matches(matcher.haystack(doc), terms));
}
