import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDuplicateIndex,
  DUPLICATE_THRESHOLD,
  decodeSignature,
  duplicateFinding,
  duplicateText,
  encodeSignature,
  estimateOverlap,
  estimateSimilarity,
  exactJaccard,
  LSH_BANDS,
  lshBuckets,
  minhashSignature,
  NUM_HASHES,
  normalizeForShingles,
  rankCandidates,
  shingles,
  signatureSize,
} from '#shared/domain/quality/index';
import { itemFixtures } from '../../fixtures/items';

// A small alphabet so random texts share 3-grams and Jaccard spans the whole range.
const chars = [...'我市县区全面推进乡村振兴招商引资安全生产民生防汛教育医疗环保项目企业群众完成增长'];
const text = (min: number, max: number) =>
  fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((a) => a.join(''));
/** A text and a copy with some characters replaced, inserted or deleted. */
const relatedPair = fc
  .tuple(
    text(30, 300),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...chars), fc.constantFrom('replace', 'insert', 'delete')), {
      maxLength: 60,
    }),
  )
  .map(([a, edits]) => {
    const b = [...a];
    for (const [at, c, op] of edits) {
      const i = at % (b.length + 1);
      if (op === 'insert') b.splice(i, 0, c);
      else if (op === 'delete') b.splice(i, 1);
      else b[i] = c;
    }
    return [a, b.join('')] as const;
  });

describe('shingles and normalization', () => {
  it('ignores full-width forms, case, whitespace and punctuation', () => {
    expect(normalizeForShingles('截至１０月底，共检查 １２６８ 次（ＡＢＣ）。')).toBe(
      normalizeForShingles('截至10月底共检查1268次(abc).'),
    );
    expect(normalizeForShingles('1,234.5％')).toBe('12345');
  });

  it('makes character 3-grams', () => {
    expect([...shingles('乡村振兴')]).toEqual(['乡村振', '村振兴']);
    expect([...shingles('防汛')]).toEqual(['防汛']);
    expect(shingles('，。 ').size).toBe(0);
  });
});

describe('MinHash', () => {
  it('identical texts have similarity 1', () => {
    fc.assert(
      fc.property(text(3, 400), (a) => {
        const sa = minhashSignature(a);
        expect(estimateSimilarity(sa, minhashSignature(a))).toBe(1);
        expect(estimateOverlap(sa, minhashSignature(a))).toBe(1);
      }),
    );
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(relatedPair, ([a, b]) => {
        const [sa, sb] = [minhashSignature(a), minhashSignature(b)];
        expect(estimateSimilarity(sa, sb)).toBe(estimateSimilarity(sb, sa));
        expect(estimateOverlap(sa, sb)).toBe(estimateOverlap(sb, sa));
      }),
    );
  });

  it('estimates the exact Jaccard similarity (within 5 standard deviations, mean error small)', () => {
    const errors: number[] = [];
    fc.assert(
      fc.property(relatedPair, ([a, b]) => {
        const exact = exactJaccard(a, b);
        const estimate = estimateSimilarity(minhashSignature(a), minhashSignature(b));
        // σ = √(J(1−J)/n) ≤ 0.044; 0.23 is > 5σ, so this never flakes on a correct implementation.
        expect(Math.abs(estimate - exact)).toBeLessThan(0.23);
        errors.push(estimate - exact);
      }),
      { numRuns: 300 },
    );
    const meanError = errors.reduce((s, e) => s + e, 0) / errors.length;
    expect(Math.abs(meanError)).toBeLessThan(0.02);
  });

  it('estimates containment: a half of a text overlaps the whole', () => {
    const whole = duplicateText(itemFixtures.find((f) => f.id === 'd3w')?.input ?? { title: '', body: '' });
    const half = whole.slice(Math.floor(whole.length / 2));
    const [sw, sh] = [minhashSignature(whole), minhashSignature(half)];
    expect(estimateSimilarity(sw, sh)).toBeLessThan(0.7);
    expect(estimateOverlap(sw, sh)).toBeGreaterThan(0.8);
  });

  it('never matches empty texts', () => {
    const empty = minhashSignature('，。 ');
    expect(signatureSize(empty)).toBe(0);
    expect(estimateSimilarity(empty, empty)).toBe(0);
    expect(lshBuckets(empty)).toEqual([]);
  });

  it('round-trips through storage encodings', () => {
    const signature = minhashSignature('我市前10个月外贸进出口总额增长18.2%');
    expect(signature.length).toBe(NUM_HASHES + 1);
    expect(decodeSignature(encodeSignature(signature))).toEqual(signature);
    const fromJson = JSON.parse(JSON.stringify(Array.from(signature))) as number[];
    expect(estimateSimilarity(fromJson, signature)).toBe(1);
    expect(lshBuckets(fromJson)).toEqual(lshBuckets(signature));
  });
});

describe('LSH buckets', () => {
  it('gives one short deterministic key per band', () => {
    const buckets = lshBuckets(minhashSignature('白河县消费帮扶助农增收1.6亿元'));
    expect(buckets).toHaveLength(LSH_BANDS);
    expect(buckets.map((b) => b.band)).toEqual([...Array(LSH_BANDS).keys()]);
    for (const b of buckets) expect(b.bucket).toMatch(/^[0-9a-f]{8}$/);
    expect(lshBuckets(minhashSignature('白河县消费帮扶助农增收1.6亿元'))).toEqual(buckets);
  });

  it('shares a bucket for light edits', () => {
    fc.assert(
      fc.property(text(100, 300), fc.nat(), (a, at) => {
        const i = at % a.length;
        const b = `${a.slice(0, i)}县${a.slice(i + 1)}`;
        const keys = new Set(lshBuckets(minhashSignature(a)).map((x) => `${x.band}:${x.bucket}`));
        expect(lshBuckets(minhashSignature(b)).some((x) => keys.has(`${x.band}:${x.bucket}`))).toBe(true);
      }),
    );
  });
});

describe('duplicate index', () => {
  const doc = (title: string, body: string) => minhashSignature(duplicateText({ title, body }));
  const fixture = (id: string) => itemFixtures.find((f) => f.id === id)?.input ?? { title: '', body: '' };

  it('finds re-posts, excludes the item itself and follows revisions and removals', () => {
    const index = createDuplicateIndex();
    const a = fixture('d6a');
    index.add({
      itemId: 'it_a',
      unitId: 'xishan-county',
      title: a.title,
      signature: doc(a.title, a.body),
      submittedAt: '',
    });
    const b = fixture('d6b');
    const sb = doc(b.title, b.body);
    expect(index.query(sb).map((r) => r.itemId)).toEqual(['it_a']);
    expect(index.query(doc(a.title, a.body), { excludeItemId: 'it_a' })).toEqual([]);
    expect(index.query(sb, { threshold: 0.99 })).toEqual([]);

    const other = fixture('n2');
    index.add({
      itemId: 'it_a',
      unitId: 'xishan-county',
      title: other.title,
      signature: doc(other.title, other.body),
      submittedAt: '',
    });
    expect(index.query(sb)).toEqual([]);
    expect(index.size).toBe(1);
    index.remove('it_a');
    expect(index.size).toBe(0);
    expect(index.query(doc(other.title, other.body))).toEqual([]);
  });

  it('returns at most five, best first', () => {
    const index = createDuplicateIndex();
    const base = fixture('d5a');
    for (let i = 0; i < 8; i++) {
      const body = base.body.slice(0, base.body.length - i * 15);
      index.add({
        itemId: `it_${i}`,
        unitId: 'nanhu-district',
        title: `稿${i}`,
        signature: doc(base.title, body),
        submittedAt: '',
      });
    }
    const refs = index.query(doc(base.title, base.body));
    expect(refs).toHaveLength(5);
    expect(refs.map((r) => r.similarity)).toEqual([...refs.map((r) => r.similarity)].sort((x, y) => y - x));
  });

  it('rankCandidates filters, dedupes and sorts what a storage query returned', () => {
    const a = fixture('d1a');
    const sa = doc(a.title, a.body);
    const candidates = ['d1b', 'n1', 'g06', 'd1b'].map((id) => {
      const f = fixture(id);
      return { itemId: id, unitId: 'u', title: f.title, signature: doc(f.title, f.body) };
    });
    expect(rankCandidates(sa, candidates).map((r) => r.itemId)).toEqual(['d1b']);
    expect(rankCandidates(sa, candidates, 0).map((r) => r.itemId)).toHaveLength(3);
  });

  it('agrees with a brute-force scan on a few thousand same-topic items (no timing)', () => {
    const pool = itemFixtures.map((f) => f.input.body).join('');
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const synth = () =>
      Array.from({ length: 35 }, () => {
        const at = Math.floor(random() * (pool.length - 12));
        return pool.slice(at, at + 4 + Math.floor(random() * 7));
      }).join('');
    const index = createDuplicateIndex();
    const all: { itemId: string; unitId: string; title: string; signature: Uint32Array }[] = [];
    for (let i = 0; i < 3000; i++) {
      const entry = { itemId: `it_${i}`, unitId: 'u', title: `稿${i}`, signature: minhashSignature(synth()) };
      all.push(entry);
      index.add({ ...entry, submittedAt: '' });
    }
    const target = fixture('d2a');
    index.add({
      itemId: 'it_target',
      unitId: 'city-market',
      title: target.title,
      signature: doc(target.title, target.body),
      submittedAt: '',
    });
    const repost = fixture('d2b');
    expect(index.query(doc(repost.title, repost.body)).map((r) => r.itemId)).toEqual(['it_target']);
    for (let q = 0; q < 20; q++) {
      const signature = minhashSignature(synth());
      const lsh = index.query(signature, { threshold: DUPLICATE_THRESHOLD });
      const brute = rankCandidates(signature, all);
      for (const ref of lsh) expect(brute.map((r) => r.itemId)).toContain(ref.itemId);
    }
  });
});

describe('duplicateFinding', () => {
  it('names the best match and its similarity in percent', () => {
    expect(duplicateFinding([])).toBeUndefined();
    const finding = duplicateFinding([
      {
        itemId: 'it_aaaaaaaaaaaaaaaaaaaa',
        unitId: 'city-water',
        title: '青山县成功应对强降雨',
        similarity: 0.783,
      },
      { itemId: 'it_bbbbbbbbbbbbbbbbbbbb', unitId: 'baihe-county', title: '白河县防汛', similarity: 0.52 },
    ]);
    expect(finding?.code).toBe('NEAR_DUPLICATE');
    expect(finding?.message).toContain('《青山县成功应对强降雨》');
    expect(finding?.message).toContain('78%');
    expect(finding?.evidence).toEqual(['《青山县成功应对强降雨》 78%', '《白河县防汛》 52%']);
  });
});
