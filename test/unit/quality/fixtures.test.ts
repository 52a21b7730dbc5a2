import { describe, expect, it } from 'vitest';
import {
  createDuplicateIndex,
  duplicateFinding,
  duplicateText,
  findSecrecyMarker,
  minhashSignature,
  qualityFindings,
} from '#shared/domain/quality/index';
import { itemFixtures } from '../../fixtures/items';

/**
 * Replays the fixtures as the items use case would: refuse on a secrecy marker, otherwise compute
 * the findings, look up near-duplicates among the earlier items, then index the item.
 */
function replay() {
  const index = createDuplicateIndex();
  const results = new Map<string, { refusal?: string; codes: string[]; duplicates: string[] }>();
  for (const fixture of itemFixtures) {
    const refusal = findSecrecyMarker(fixture.input);
    if (refusal) {
      results.set(fixture.id, { refusal: refusal.marker, codes: [], duplicates: [] });
      continue;
    }
    const signature = minhashSignature(duplicateText(fixture.input));
    const refs = index.query(signature);
    const findings = qualityFindings(fixture.input, new Date(fixture.submittedAt));
    const duplicate = duplicateFinding(refs);
    if (duplicate) findings.push(duplicate);
    results.set(fixture.id, {
      codes: findings.map((f) => f.code).sort(),
      duplicates: refs.map((r) => r.itemId).sort(),
    });
    const { unitId, submittedAt } = fixture;
    index.add({ itemId: fixture.id, unitId, submittedAt, title: fixture.input.title, signature });
  }
  return results;
}

describe('quality fixtures', () => {
  const results = replay();

  it('has enough realistic fixtures', () => {
    expect(itemFixtures.length).toBeGreaterThanOrEqual(40);
    expect(new Set(itemFixtures.map((f) => f.id)).size).toBe(itemFixtures.length);
  });

  it.each(itemFixtures.map((f) => [f.id, f.note, f] as const))('%s %s', (id, _note, fixture) => {
    const result = results.get(id);
    expect(result?.refusal).toBe(fixture.expected.refusal);
    expect(result?.codes).toEqual([...fixture.expected.codes].sort());
    expect(result?.duplicates).toEqual([...(fixture.expected.duplicateOf ?? [])].sort());
  });

  it('finds every near-duplicate pair and no other (precision and recall 1 on the fixtures)', () => {
    const expected = new Set(
      itemFixtures.flatMap((f) => (f.expected.duplicateOf ?? []).map((d) => `${f.id}>${d}`)),
    );
    const found = new Set([...results].flatMap(([id, r]) => r.duplicates.map((d) => `${id}>${d}`)));
    const truePositives = [...found].filter((pair) => expected.has(pair)).length;
    expect(expected.size).toBeGreaterThanOrEqual(5);
    expect({ precision: truePositives / found.size, recall: truePositives / expected.size }).toEqual({
      precision: 1,
      recall: 1,
    });
  });
});
