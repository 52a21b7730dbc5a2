import { describe, expect, it } from 'vitest';
import { generateItem, lightRepost, seededRandom } from '../../../bench/support/gov-text';
import {
  DUPLICATE_THRESHOLD,
  duplicateText,
  estimateOverlap,
  minhashSignature,
} from '../../../shared/domain/quality/index';

const items = (seed: number, count: number) => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => generateItem(random));
};

describe('the quality bench texts', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(items(42, 5)).toEqual(items(42, 5));
    expect(items(43, 5)).not.toEqual(items(42, 5));
  });

  it('look like submissions: Chinese, a title of at most 40 characters, a body of 150 or more', () => {
    for (const item of items(1, 200)) {
      expect(item.title.length).toBeLessThanOrEqual(40);
      expect(item.body.replace(/\s/g, '').length).toBeGreaterThanOrEqual(150);
      expect(item.body).toMatch(/[\u4e00-\u9fff]{10}/);
    }
  });

  it('are not near-duplicates of each other, while a light re-post is', () => {
    const random = seededRandom(9);
    const sample = items(2, 120).map((item) => minhashSignature(duplicateText(item)));
    let nearPairs = 0;
    for (let a = 0; a < sample.length; a++) {
      for (let b = a + 1; b < sample.length; b++) {
        if (estimateOverlap(sample[a] ?? [], sample[b] ?? []) >= DUPLICATE_THRESHOLD) nearPairs++;
      }
    }
    expect(nearPairs).toBe(0);
    for (const original of items(3, 20)) {
      const repost = lightRepost(random, original);
      expect(repost.body).not.toBe(original.body);
      const overlap = estimateOverlap(
        minhashSignature(duplicateText(original)),
        minhashSignature(duplicateText(repost)),
      );
      expect(overlap).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    }
  });
});
