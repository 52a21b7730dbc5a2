import { describe, expect, it } from 'vitest';
import { MemoryArchiveObjects } from '#shared/archive/objects';
import { StaticArchivePublisher } from '#shared/archive/publisher';
import type { Bulletin } from '#shared/schemas/bulletins';
import { bulletin, item, MemoryBulletins } from './support';

function setup(archived = (id: string) => id !== 'zb') {
  const bulletins = new MemoryBulletins();
  const objects = new MemoryArchiveObjects();
  const publisher = new StaticArchivePublisher({
    bulletins,
    objects,
    isArchivedSeries: archived,
    officeName: '市人民政府办公室',
  });
  const publish = async (b: Bulletin) => {
    bulletins.save(b);
    return publisher.bulletinChanged(b);
  };
  const text = () => [...objects.objects.values()].map((o) => o.body).join('\n');
  return { bulletins, objects, publisher, publish, text };
}

describe('StaticArchivePublisher', () => {
  it('writes 6 pages and indexes per change once the assets exist, plus the search objects it changes', async () => {
    const { publish, objects } = setup();
    const first = await publish(bulletin({ number: 1 }));
    expect(first).toContain('assets/search.js');
    const b = bulletin({ number: 2 });
    const keys = await publish(b);
    const search = keys.filter((key) => /^search\/(index|items)\//.test(key));
    expect(keys.filter((key) => !search.includes(key)).sort()).toEqual(
      [
        '2026/zwxx/2/index.html',
        '2026/index.html',
        'series/zwxx/index.html',
        'index.html',
        'search/years.json',
      ].sort(),
    );
    // The issue's one public item and the recent issues' part; the year's part is not rewritten.
    expect(search).toContain('search/items/2026/zwxx/2/0.json');
    expect(search).toContain('search/index/recent/0.json');
    expect(search.filter((key) => key.startsWith('search/index/2026/'))).toEqual([]);
    expect(objects.objects.get('2026/zwxx/2/index.html')?.contentType).toBe('text/html; charset=utf-8');
    expect(objects.objects.get('search/items/2026/zwxx/2/0.json')?.contentType).toBe(
      'application/json; charset=utf-8',
    );
  });

  it('deletes a withdrawn bulletin and drops it from lists and search', async () => {
    const { publish, objects, text } = setup();
    const keep = bulletin({ number: 1, items: [item({ title: '保留的信息' })] });
    const gone = bulletin({ number: 2, items: [item({ title: '将撤回的信息' })] });
    await publish(keep);
    await publish(gone);
    expect(text()).toContain('将撤回的信息');
    const keys = await publish({ ...gone, status: 'withdrawn', version: gone.version + 1 });
    expect(keys.filter((key) => !/^search\/(index|items)\//.test(key)).length).toBeLessThanOrEqual(6);
    expect(objects.objects.has('2026/zwxx/2/index.html')).toBe(false);
    expect(text()).not.toContain('将撤回的信息');
    expect(text()).toContain('保留的信息');
  });

  it('never lists drafts, non-archived series or bulletins without public items', async () => {
    const { publish, text, objects } = setup();
    await publish(bulletin({ status: 'draft', number: undefined, items: [item({ title: '草稿信息' })] }));
    await publish(bulletin({ seriesId: 'zb', seriesName: '专报', items: [item({ title: '专报信息' })] }));
    await publish(bulletin({ number: 3, items: [item({ title: '内部信息', openness: 'internal' })] }));
    expect(text()).not.toMatch(/草稿信息|专报|内部信息/);
    expect(objects.objects.has('2026/zwxx/3/index.html')).toBe(false);
  });

  it('trusts the stored state over a stale argument (a withdrawal that raced the publish)', async () => {
    const { bulletins, publisher, text } = setup();
    const b = bulletin({ items: [item({ title: '竞态信息' })] });
    bulletins.save({ ...b, status: 'withdrawn', version: b.version + 1 });
    await publisher.bulletinChanged(b);
    expect(text()).not.toContain('竞态信息');
  });

  it('rebuilds everything, reports progress per bulletin and deletes stale pages', async () => {
    const { bulletins, publisher, objects } = setup();
    bulletins.save(bulletin({ number: 1, year: 2025, publishedAt: '2025-03-01T00:00:00.000Z' }));
    bulletins.save(bulletin({ number: 2 }));
    await objects.put('2024/zwxx/9/index.html', 'old', { contentType: 'text/html', cacheControl: '' });
    await objects.put('404.html', 'custom', { contentType: 'text/html', cacheControl: '' });
    const progress: [number, number][] = [];
    const result = await publisher.rebuild((done, total) => progress.push([done, total]));
    expect(progress).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(objects.objects.has('2024/zwxx/9/index.html')).toBe(false);
    expect(objects.objects.has('404.html')).toBe(true);
    for (const key of [
      'index.html',
      '2025/index.html',
      'search/items/2025/zwxx/1/0.json',
      'search/index/closed/0.json',
      'search/index/2026/0.json',
      'assets/site.css',
      'search/index.html',
    ])
      expect(objects.objects.has(key)).toBe(true);
    expect(result.written).toBe(objects.objects.size - 1);
    expect(JSON.parse(objects.objects.get('search/years.json')?.body ?? '')).toMatchObject({
      years: [2026, 2025],
      parts: [
        { name: '2026', shards: 1, issues: [[2026, 'zwxx', 2, 1]] },
        { name: 'closed', shards: 1, issues: [[2025, 'zwxx', 1, 1]] },
      ],
    });
  });
});
