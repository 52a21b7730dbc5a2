/**
 * Text → character shingles for near-duplicate detection.
 *
 * Chinese has no word boundaries, so we compare character k-grams (k = 3): bigrams are too
 * common across items on the same topic (“乡村”“振兴”), 4-grams break too easily on light edits.
 */

export const SHINGLE_SIZE = 3;

/**
 * Removes differences that are only formatting: full-width forms (NFKC: ＡＢＣ１２３％ → ABC123%),
 * letter case, whitespace, punctuation and symbols (so “1,234” and “1234”, “。” and “.” agree).
 * Digits themselves are kept — figures carry much of an item's content.
 */
export function normalizeForShingles(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Distinct character k-grams (by code point) of the normalized text; a shorter text is one shingle. */
export function shingles(text: string, k = SHINGLE_SIZE): Set<string> {
  const chars = Array.from(normalizeForShingles(text));
  const result = new Set<string>();
  if (chars.length === 0) return result;
  if (chars.length <= k) {
    result.add(chars.join(''));
    return result;
  }
  for (let i = 0; i + k <= chars.length; i++) result.add(chars.slice(i, i + k).join(''));
  return result;
}

/** Exact Jaccard similarity of the shingle sets; the reference the MinHash estimate is tested against. */
export function exactJaccard(a: string, b: string, k = SHINGLE_SIZE): number {
  const sa = shingles(a, k);
  const sb = shingles(b, k);
  if (sa.size === 0 || sb.size === 0) return 0;
  let common = 0;
  for (const s of sa) if (sb.has(s)) common++;
  return common / (sa.size + sb.size - common);
}
