/**
 * Quality and duplicate checks: the per-item cost of the whole check a submission runs (secrecy,
 * quality hints, MinHash signature, near-duplicate search, finding) against 10,000 recent items,
 * once through the LSH index and once comparing the same similarity with every stored item one
 * by one (the pairwise baseline). The LSH index here is the pure in-memory one the DynamoDB
 * adapter mirrors, so store latency is not part of the figure.
 */
import {
  createDuplicateIndex,
  type DuplicateEntry,
  duplicateFinding,
  duplicateText,
  findSecrecyMarker,
  minhashSignature,
  type QualityInput,
  qualityFindings,
  rankCandidates,
  type Signature,
} from '../../shared/domain/quality/index';
import type { DuplicateRef } from '../../shared/schemas/items';
import { generateItem, lightRepost, seededRandom } from '../support/gov-text';
import type { BenchRow, Measure } from '../types';

const storedCount = 10_000;
const now = new Date('2026-11-20T02:00:00Z');
const section = '质量与查重 / quality';

interface Query {
  input: QualityInput;
  /** The stored item this one re-posts, if it is a re-post. */
  repostOf?: string;
}

function storedItems(): DuplicateEntry[] {
  const random = seededRandom(20261120);
  const entries: DuplicateEntry[] = [];
  for (let index = 0; index < storedCount; index++) {
    const item = generateItem(random);
    entries.push({
      itemId: `item-${String(index).padStart(5, '0')}`,
      unitId: `unit-${String(index % 96).padStart(2, '0')}`,
      title: item.title,
      signature: minhashSignature(duplicateText(item)),
      submittedAt: new Date(now.getTime() - (storedCount - index) * 1_500_000).toISOString(),
    });
  }
  return entries;
}

/** Fresh items and, one in five, a light re-post of a stored item (same seeded texts as the store). */
function queries(count: number): Query[] {
  const storeRandom = seededRandom(20261120);
  const originals = Array.from({ length: storedCount }, () => generateItem(storeRandom));
  const random = seededRandom(7);
  const result: Query[] = [];
  for (let index = 0; index < count; index++) {
    const repost = random() < 0.2;
    const at = Math.floor(random() * storedCount);
    const original = originals[at];
    const item = repost && original ? lightRepost(random, original) : generateItem(random);
    result.push({
      input: {
        title: item.title,
        body: item.body,
        eventDate: '2026-11-18',
        urgency: random() < 0.1 ? 'important' : 'normal',
        approver: '王主任',
        author: { name: '李文', phone: '0536-8231234' },
      },
      ...(repost ? { repostOf: `item-${String(at).padStart(5, '0')}` } : {}),
    });
  }
  return result;
}

/** Everything a submission's check does, with the duplicate search passed in. */
function fullCheck(input: QualityInput, search: (signature: Signature) => DuplicateRef[]): DuplicateRef[] {
  findSecrecyMarker(input);
  const findings = qualityFindings(input, now);
  const refs = search(minhashSignature(duplicateText(input)));
  const duplicate = duplicateFinding(refs);
  if (duplicate) findings.push(duplicate);
  return refs;
}

function timePerItem(run: () => void, items: number): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / items;
}

const ms = (value: number) => `${value < 0.1 ? value.toFixed(3) : value.toFixed(2)} ms`;

export const measure: Measure = async ({ short, log }) => {
  const queryCount = short ? 200 : 1_000;
  log(`quality: generating ${storedCount} stored items and ${queryCount} submissions (fixed seed)`);
  const entries = storedItems();
  const index = createDuplicateIndex();
  for (const entry of entries) index.add(entry);
  const work = queries(queryCount);

  const lsh = (signature: Signature) => index.query(signature);
  const pairwise = (signature: Signature) => rankCandidates(signature, entries);

  // Warm both paths up (JIT), then time whole passes, alternating, and keep each path's best pass.
  for (const query of work.slice(0, 20)) {
    fullCheck(query.input, lsh);
    fullCheck(query.input, pairwise);
  }
  const signatures = work.map((query) => minhashSignature(duplicateText(query.input)));
  const passes = short ? 2 : 3;
  let lshMs = Number.POSITIVE_INFINITY;
  let pairwiseMs = Number.POSITIVE_INFINITY;
  let lshLookupMs = Number.POSITIVE_INFINITY;
  let pairwiseLookupMs = Number.POSITIVE_INFINITY;
  const checkAll = (search: (signature: Signature) => DuplicateRef[]) => () => {
    for (const query of work) fullCheck(query.input, search);
  };
  const searchAll = (search: (signature: Signature) => DuplicateRef[]) => () => {
    for (const signature of signatures) search(signature);
  };
  for (let pass = 1; pass <= passes; pass++) {
    log(`quality: pass ${pass}/${passes}`);
    lshMs = Math.min(lshMs, timePerItem(checkAll(lsh), work.length));
    pairwiseMs = Math.min(pairwiseMs, timePerItem(checkAll(pairwise), work.length));
    lshLookupMs = Math.min(lshLookupMs, timePerItem(searchAll(lsh), work.length));
    pairwiseLookupMs = Math.min(pairwiseLookupMs, timePerItem(searchAll(pairwise), work.length));
  }

  // The index must find what the pairwise scan finds: report its recall on the re-posts.
  let reposts = 0;
  let foundByLsh = 0;
  let foundByPairwise = 0;
  for (const [at, query] of work.entries()) {
    if (!query.repostOf) continue;
    const signature = signatures[at] ?? new Uint32Array();
    reposts++;
    if (lsh(signature).some((ref) => ref.itemId === query.repostOf)) foundByLsh++;
    if (pairwise(signature).some((ref) => ref.itemId === query.repostOf)) foundByPairwise++;
  }
  const recall = `LSH found ${foundByLsh} of ${reposts} re-posts, pairwise ${foundByPairwise}`;

  const rows: BenchRow[] = [
    {
      section,
      name: `full check per item vs ${storedCount.toLocaleString('en')} items`,
      measured: ms(lshMs),
      baseline: '—',
      ratio: lshMs / 5,
      goal: '≤ 5 ms',
      pass: lshMs <= 5,
      note: `${work.length} submissions, ${recall}`,
    },
    {
      section,
      name: 'full check: LSH vs pairwise',
      measured: ms(lshMs),
      baseline: ms(pairwiseMs),
      ratio: pairwiseMs / lshMs,
      goal: '≥ 20× faster',
      pass: pairwiseMs / lshMs >= 20,
      note: 'ratio = pairwise ÷ LSH; the MinHash signature (same in both) is the larger part of the LSH time',
    },
    {
      section,
      name: 'duplicate search only: LSH vs pairwise',
      measured: ms(lshLookupMs),
      baseline: ms(pairwiseLookupMs),
      ratio: pairwiseLookupMs / lshLookupMs,
      goal: '≥ 20× faster',
      pass: pairwiseLookupMs / lshLookupMs >= 20,
      note: 'signature computed once beforehand; ratio = pairwise ÷ LSH',
    },
  ];
  return rows;
};
