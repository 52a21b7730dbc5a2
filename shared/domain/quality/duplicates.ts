import type { DuplicateHint, DuplicateRef, Finding } from '../../schemas/items';
import { estimateSimilarity, lshBuckets, type SignatureLike, signatureSize } from './minhash';

/**
 * Near-duplicate scoring, ranking and an in-memory LSH index.
 *
 * Score = the overlap coefficient |A ∩ B| / min(|A|, |B|) of the shingle sets, estimated from
 * the Jaccard estimate J and the two set sizes: |A ∩ B| = J·(|A| + |B|) / (1 + J). Overlap, not
 * Jaccard, because a split item (one half re-posted) has J ≈ 0.5 but overlap ≈ 1, while two
 * equal-size items sharing half their text still score ≈ 0.5.
 *
 * With few matching minima the size ratio amplifies noise (J = 2/128 between a 150-character and
 * a 3,000-character item would read as overlap ≈ 0.3), so below `OVERLAP_MIN_JACCARD` the score is
 * plain J. Consequence: a fragment smaller than roughly 1/6 of the other item is not reported.
 */
export const DUPLICATE_THRESHOLD = 0.5;
export const OVERLAP_MIN_JACCARD = 0.15;
export const MAX_DUPLICATES = 5;

export interface DuplicateCandidate {
  itemId: string;
  unitId: string;
  title: string;
  signature: SignatureLike;
}

export interface DuplicateEntry extends DuplicateCandidate {
  submittedAt: string;
}

/** The text a signature is built from: title and body together. */
export function duplicateText(item: { title: string; body: string }): string {
  return `${item.title}\n${item.body}`;
}

/** Estimated overlap coefficient in [0, 1] (see the module comment). */
export function estimateOverlap(a: SignatureLike, b: SignatureLike): number {
  const jaccard = estimateSimilarity(a, b);
  if (jaccard < OVERLAP_MIN_JACCARD) return jaccard;
  const sizeA = signatureSize(a);
  const sizeB = signatureSize(b);
  const common = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return Math.min(1, Math.max(jaccard, common / Math.min(sizeA, sizeB)));
}

/** Scores candidates (e.g. read from the `{band, bucket}` keys) and keeps the best five ≥ threshold. */
export function rankCandidates(
  signature: SignatureLike,
  candidates: Iterable<DuplicateCandidate>,
  threshold = DUPLICATE_THRESHOLD,
): DuplicateRef[] {
  const refs: DuplicateRef[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate.itemId)) continue;
    seen.add(candidate.itemId);
    const similarity = estimateOverlap(signature, candidate.signature);
    if (similarity >= threshold) {
      const { itemId, unitId, title } = candidate;
      refs.push({ itemId, unitId, title, similarity: Math.round(similarity * 1000) / 1000 });
    }
  }
  refs.sort((x, y) => y.similarity - x.similarity || x.itemId.localeCompare(y.itemId));
  return refs.slice(0, MAX_DUPLICATES);
}

export interface DuplicateIndex {
  /** Adds an item, replacing an earlier signature of the same item (a revision). */
  add(entry: DuplicateEntry): void;
  remove(itemId: string): void;
  query(signature: SignatureLike, options?: { threshold?: number; excludeItemId?: string }): DuplicateRef[];
  readonly size: number;
}

/**
 * Pure in-memory LSH index; the DynamoDB adapter mirrors it with one row per `{band, bucket}`.
 * Entries live in slots so a query dedupes candidates with a stamp array instead of a Set; a
 * removed or revised item leaves stale slots in its buckets, skipped on read.
 */
export function createDuplicateIndex(): DuplicateIndex {
  const slots: (DuplicateEntry | undefined)[] = [];
  const slotOf = new Map<string, number>();
  const buckets = new Map<string, number[]>();
  let seen = new Uint32Array(1024);
  let epoch = 0;
  const keys = (signature: SignatureLike) => lshBuckets(signature).map((b) => `${b.band}:${b.bucket}`);

  function remove(itemId: string): void {
    const slot = slotOf.get(itemId);
    if (slot === undefined) return;
    slots[slot] = undefined;
    slotOf.delete(itemId);
  }

  return {
    add(entry) {
      remove(entry.itemId);
      const slot = slots.length;
      slots.push({ ...entry, signature: Uint32Array.from(entry.signature) });
      slotOf.set(entry.itemId, slot);
      for (const key of keys(entry.signature)) {
        const bucket = buckets.get(key);
        if (bucket) bucket.push(slot);
        else buckets.set(key, [slot]);
      }
    },
    remove,
    query(signature, options = {}) {
      if (seen.length < slots.length) seen = new Uint32Array(slots.length * 2);
      epoch++;
      const candidates: DuplicateEntry[] = [];
      for (const key of keys(signature)) {
        for (const slot of buckets.get(key) ?? []) {
          if (seen[slot] === epoch) continue;
          seen[slot] = epoch;
          const entry = slots[slot];
          if (entry && entry.itemId !== options.excludeItemId) candidates.push(entry);
        }
      }
      return rankCandidates(signature, candidates, options.threshold);
    },
    get size() {
      return slotOf.size;
    },
  };
}

const percentOf = (similarity: number) => Math.round(similarity * 100);

/** How a reporter hears of another unit's similar item: the similarity alone. */
export function otherUnitNote(similarity: number): string {
  return `其他单位已报送相似信息（相似度 ${percentOf(similarity)}%）`;
}

/**
 * One NEAR_DUPLICATE finding about the closest earlier item, or nothing: named when the hint
 * names it (staff, or the reporter's own unit), otherwise only "another unit" and the similarity.
 */
export function duplicateFinding(refs: readonly DuplicateHint[]): Finding | undefined {
  const best = refs[0];
  if (!best) return undefined;
  const percent = percentOf(best.similarity);
  const more = refs.length > 1 ? `等 ${refs.length} 篇稿件` : '';
  const earlier = 'title' in best ? `已报送的《${best.title}》（${best.unitId}）` : '其他单位已报送的信息';
  return {
    code: 'NEAR_DUPLICATE',
    message: `本稿与${earlier}${more}内容高度重合（相似度约 ${percent}%），请确认是否重复报送或拆分报送；如为同一事项的新进展，请突出新内容。`,
    evidence: refs.map((r) => ('title' in r ? `《${r.title}》 ${percentOf(r.similarity)}%` : r.note)),
  };
}
