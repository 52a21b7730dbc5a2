/**
 * Random operation sequences (submit items, create drafts, publish, withdraw) drive the REAL
 * publisher over in-memory ports. After each sequence no internal item, draft, withdrawn issue or
 * non-archived series may leave a trace in ANY archive object, and every public item of a visible
 * bulletin must be found by the shipped search (index rules and matcher), and only there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryArchiveObjects } from '#shared/archive/objects';
import { StaticArchivePublisher } from '#shared/archive/publisher';
import { searchArchive } from '#shared/archive/search/query';
import type { Bulletin, BulletinItem } from '#shared/schemas/bulletins';
import { bulletin, MemoryBulletins, nextId } from './support';

type Op =
  | { kind: 'submit'; openness: 'public' | 'internal'; noise: string }
  | { kind: 'draft'; series: 'zwxx' | 'zb'; take: number; year: number }
  | { kind: 'publish'; pick: number }
  | { kind: 'withdraw'; pick: number }
  | { kind: 'rebuild' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('submit' as const),
      openness: fc.constantFrom('public' as const, 'internal' as const),
      // Markup and CJK around the marker: escaping must not hide a leak, nor break findability.
      noise: fc.stringMatching(/^[<>&"'a-z 桃花村环境\n]{0,12}$/),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('draft' as const),
      series: fc.constantFrom('zwxx' as const, 'zb' as const),
      take: fc.integer({ min: 1, max: 4 }),
      year: fc.constantFrom(2025, 2026),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('publish' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rebuild' as const) }) },
);

async function run(ops: Op[]) {
  const store = new MemoryBulletins();
  const objects = new MemoryArchiveObjects();
  const publisher = new StaticArchivePublisher({
    bulletins: store,
    objects,
    isArchivedSeries: (id) => id === 'zwxx',
    officeName: '市人民政府办公室',
  });
  const pool: BulletinItem[] = [];
  const markers = new Map<string, string>();
  const numbers = new Map<string, number>();
  let seq = 0;
  for (const step of ops) {
    if (step.kind === 'submit') {
      const marker = `mk${String(++seq).padStart(5, '0')}q`;
      const itemId = nextId('it');
      markers.set(itemId, marker);
      pool.push({
        itemId,
        unitId: 'gaomi',
        coUnits: [],
        unitNames: ['高密市'],
        title: `${step.noise}标题${marker}`,
        body: `${step.noise}\n正文 ${marker} 结束`,
        openness: step.openness,
      });
    } else if (step.kind === 'draft' && pool.length > 0) {
      const items = pool.splice(0, step.take);
      store.save(
        bulletin({
          seriesId: step.series,
          seriesName: step.series === 'zwxx' ? '政务信息' : '专报',
          year: step.year,
          status: 'draft',
          number: undefined,
          total: undefined,
          publishedAt: undefined,
          items,
          version: 1,
        }),
      );
    } else if (step.kind === 'publish' || step.kind === 'withdraw') {
      const from = step.kind === 'publish' ? 'draft' : 'published';
      const candidates = [...store.all.values()].filter((b) => b.status === from);
      const target = candidates[step.pick % Math.max(1, candidates.length)];
      if (!target) continue;
      const key = `${target.seriesId}#${target.year}`;
      const number = step.kind === 'publish' ? (numbers.get(key) ?? 0) + 1 : target.number;
      if (step.kind === 'publish') numbers.set(key, number ?? 0);
      const next: Bulletin = {
        ...target,
        status: step.kind === 'publish' ? 'published' : 'withdrawn',
        number,
        total: number,
        publishedAt:
          target.publishedAt ?? `${target.year}-06-01T00:00:${String(seq++ % 60).padStart(2, '0')}.000Z`,
        version: target.version + 1,
      };
      store.save(next);
      const written = await publisher.bulletinChanged(next);
      // 5 pages and the search manifest, plus on the first publish the 4 statics (assets, search
      // page, notices index); the search index objects besides are bounded by the part's shards.
      const pages = written.filter((key) => !/^search\/(index|items)\//.test(key));
      expect(pages.length).toBeLessThanOrEqual(10);
    } else if (step.kind === 'rebuild') {
      await publisher.rebuild();
    }
  }
  return { store, objects, markers };
}

describe('the archive never leaks', () => {
  it('holds for random publish/withdraw sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
        const { store, objects, markers } = await run(ops);
        const everything = [...objects.objects.values()].map((o) => o.body).join('\n');
        const shown = new Set<string>();
        for (const b of store.all.values()) {
          const visible = b.status === 'published' && b.seriesId === 'zwxx';
          for (const item of b.items) {
            const marker = markers.get(item.itemId) ?? '';
            if (visible && item.openness === 'public') {
              shown.add(marker);
              const found = searchArchive((path) => objects.objects.get(`search/${path}`)?.body, marker).hits;
              expect(found.map((hit) => hit.doc.u)).toEqual([
                `${b.year}/zwxx/${b.number}/index.html#${item.itemId}`,
              ]);
            }
          }
        }
        for (const marker of markers.values()) {
          if (!shown.has(marker)) expect(everything).not.toContain(marker);
        }
      }),
      { numRuns: 150 },
    );
  });
});
