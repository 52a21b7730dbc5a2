import { describe, expect, it } from 'vitest';
import { MemoryArchiveObjects } from '#shared/archive/objects';
import { StaticArchivePublisher } from '#shared/archive/publisher';
import { buildPartIndex, loadIndex, shardCount } from '#shared/archive/search/bigram-index';
import { searchArchive } from '#shared/archive/search/query';
import { visibleBulletin } from '#shared/archive/site';
import type { Bulletin, BulletinItem } from '#shared/schemas/bulletins';
import { bulletin, item, MemoryBulletins } from './support';

const entry = (id: string, title: string, body: string, unitNames = ['某单位']) =>
  item({ itemId: `it_${id.padStart(24, '0')}`, title, body, unitNames });

// The traps from notes/archive-search.md, each with documents that must and must not match.
const corpus: BulletinItem[] = [
  entry('village', '桃花村发展乡村旅游', '桃花村今年接待游客十万人次。'),
  entry('apart', '桃李满园花开村头', '桃树成林，花海连片，村民增收。'),
  entry('env', '改善人居环境', '持续开展环境整治。'),
  entry('envlong', '环境保护督察整改', '完成生态环境保护问题整改。'),
  entry('noenv', '营商优化', '优化营商服务，环节压减。'),
  entry('number', '全年编发信息1622条', '共1622条信息入选。'),
  entry('number2', '数字不同', '共16220条记录与162条。'),
  entry('g5', '新建５Ｇ基站120个', '全市5G基站总数突破一万。'),
  entry('g5apart', '5G应用场景', '新建通信基站三十个。'),
  entry('g5other', '15G基站', '型号ab5G基站。'),
  entry('quantum', '计算中心投用', '量子通信与云计算并进。'),
  entry('county', '临朐县召开会议', '全县推进。'),
  entry('units', '标题', '正文', ['高密市人民政府']),
];

async function archive(bulletins: Bulletin[]) {
  const store = new MemoryBulletins();
  const objects = new MemoryArchiveObjects();
  const publisher = new StaticArchivePublisher({
    bulletins: store,
    objects,
    isArchivedSeries: (id) => id !== 'zb',
    officeName: '市人民政府办公室',
  });
  const writes: string[][] = [];
  for (const b of bulletins) {
    store.save(b);
    writes.push(await publisher.bulletinChanged(b));
  }
  const read = (path: string) => objects.objects.get(`search/${path}`)?.body;
  const ids = (query: string) =>
    searchArchive(read, query).hits.map((hit) => hit.doc.u.split('#')[1]?.replace(/^it_0*/, ''));
  return { store, objects, publisher, writes, read, ids };
}

// Three issues over two years: the closed years' part and the newest year's part are both searched.
const issues = () => [
  bulletin({ year: 2025, number: 7, publishedAt: '2025-05-01T02:00:00.000Z', items: corpus.slice(0, 4) }),
  bulletin({ number: 1, publishedAt: '2026-01-10T02:00:00.000Z', items: corpus.slice(4, 9) }),
  bulletin({ number: 2, publishedAt: '2026-02-10T02:00:00.000Z', items: corpus.slice(9) }),
];

describe('archive search index (bigrams + positions, the shipped index rules)', () => {
  it('matches exact phrases on the traps, across parts', async () => {
    const { ids } = await archive(issues());
    expect(ids('桃花村')).toEqual(['village']);
    expect(ids('环境')).toEqual(['env', 'envlong']);
    expect(ids('1622')).toEqual(['number']);
    expect(ids('5G基站')).toEqual(['g5']);
    expect(ids('５ｇ基站')).toEqual(['g5']);
    expect(ids('量子计算')).toEqual([]);
    expect(ids('县')).toEqual(['county']);
    expect(ids('环境 整治')).toEqual(['env']);
    expect(ids('环境　保护')).toEqual(['envlong']);
    expect(ids('高密')).toEqual(['units']);
    expect(ids('   ')).toEqual([]);
  });

  it('lists hits newest first, with what a hit shows', async () => {
    const { read } = await archive(issues());
    const { hits } = searchArchive(read, '基站');
    expect(hits.map((hit) => hit.doc.u.split('#')[1]?.replace(/^it_0*/, ''))).toEqual([
      'g5other',
      'g5',
      'g5apart',
    ]);
    expect(hits[0]?.doc).toMatchObject({ b: '《政务信息》2026年第2期', t: '15G基站', d: '2026-02-10' });
    expect(hits[0]?.path).toBe('items/2026/zwxx/2/0.json');
  });

  it('reads only the manifest, the shards of the query keys and the documents of the hits', async () => {
    const { read, objects } = await archive(issues());
    const { read: fetched } = searchArchive(read, '桃花村');
    const shards = fetched.filter((path) => path.startsWith('index/'));
    // 桃花村 needs two keys (桃花 at 0, 花村 at 1), in each of the two parts.
    expect(shards.length).toBeLessThanOrEqual(4);
    expect(fetched.filter((path) => path.startsWith('items/'))).toEqual(['items/2025/zwxx/7/0.json']);
    expect(fetched.filter((path) => path.startsWith('items/'))).toHaveLength(1);
    expect(objects.objects.size).toBeGreaterThan(fetched.length);
  });

  it('keys a term into bigrams covering every character, marking Latin and digit runs', () => {
    const index = loadIndex();
    expect(index.termKeys('桃花村')).toEqual([
      ['桃花', 0],
      ['花村', 1],
    ]);
    expect(index.termKeys('县')).toEqual([['县', 0]]);
    expect(index.termKeys('1622').map(([key]) => key)).toEqual(['\u00011', '62', '2\u0001']);
    expect(index.indexText('5g基站 ab')).toBe('\u00015g\u0001基站 \u0001ab\u0001');
  });

  it('grows the shard count with the text, in powers of two', () => {
    expect(shardCount(100)).toBe(1);
    expect(shardCount(8_000_000)).toBe(1024);
    const small = buildPartIndex('2026', [
      visibleBulletin(bulletin({ items: corpus }), true) ?? (undefined as never),
    ]);
    expect(small.manifest).toMatchObject({ name: '2026', shards: 1 });
    expect(small.manifest.issues).toEqual([[2026, 'zwxx', 12, corpus.length]]);
  });

  it('keeps the index exact through a withdrawal, rewriting only what changed', async () => {
    const list = issues();
    const { store, publisher, ids, objects } = await archive(list);
    const gone = list[1] as Bulletin;
    const withdrawn = { ...gone, status: 'withdrawn' as const, version: gone.version + 1 };
    store.save(withdrawn);
    const keys = await publisher.bulletinChanged(withdrawn);
    expect(ids('5G基站')).toEqual([]);
    expect(ids('基站')).toEqual(['g5other']);
    expect(ids('桃花村')).toEqual(['village']);
    expect(objects.objects.has('search/items/2026/zwxx/1/0.json')).toBe(false);
    expect(keys).toContain('search/items/2026/zwxx/1/4.json');
    expect(keys.filter((key) => key.startsWith('search/index/closed/'))).toEqual([]);
  });
});

describe('archive search index on a bucket written before it existed', () => {
  it('writes the whole index at the first publish, not a patch', async () => {
    const list = issues();
    const { store, objects, publisher, ids } = await archive(list.slice(0, 2));
    for (const key of [...objects.objects.keys()])
      if (key.startsWith('search/index/')) objects.objects.delete(key);
    const last = list[2] as Bulletin;
    store.save(last);
    await publisher.bulletinChanged(last);
    expect(ids('环境')).toEqual(['env', 'envlong']);
    expect(ids('基站')).toEqual(['g5other', 'g5', 'g5apart']);
  });
});

// Pseudo-random Chinese text (deterministic), so an issue's keys spread over every shard.
function prose(seed: number, length: number): string {
  const alphabet =
    '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';
  let state = seed * 2_654_435_761;
  let text = '';
  for (let at = 0; at < length; at++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    text += alphabet.charAt(state % alphabet.length);
  }
  return text;
}

describe('archive search: the write cost of a publish', () => {
  const marker = (n: number) => `标记${String(n).padStart(3, '0')}号`;
  const numbered = (n: number) =>
    bulletin({
      number: n,
      publishedAt: new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString(),
      items: [
        entry(`w${n}a`, `第${n}期信息${marker(n)}`, prose(n, 1_500)),
        entry(`w${n}b`, `第${n}期另一条`, prose(n + 1_000, 1_500)),
      ],
    });

  it('never compacts in a publish below the hard cap: each writes a bounded number of search objects', async () => {
    const count = 50;
    const list = Array.from({ length: count }, (_, n) => numbered(n + 1));
    const { store, publisher, writes, ids, objects } = await archive(list.slice(0, 1));
    const compactedAt: number[] = [];
    for (const [n, b] of list.slice(1).entries()) {
      store.save(b);
      writes.push(await publisher.bulletinChanged(b));
      // The nightly job, after every third publish (a busy day).
      if (n % 3 === 2 && (await publisher.compactSearch()).compacted) compactedAt.push(n);
    }
    // The first publish (no manifest yet) builds the year's part; no publish after it touches it.
    expect(writes[0]?.some((key) => key.startsWith('search/index/2026/'))).toBe(true);
    for (const keys of writes.slice(1)) {
      expect(keys.filter((key) => key.startsWith('search/index/2026/'))).toEqual([]);
      const search = keys.filter((key) => key.startsWith('search/'));
      const items = search.filter((key) => key.startsWith('search/items/'));
      expect(items).toHaveLength(2);
      expect(search.length - items.length).toBeLessThanOrEqual(10);
    }
    expect(compactedAt).toHaveLength(Math.floor((count - 1) / 3));
    const yearShards = JSON.parse(objects.objects.get('search/years.json')?.body ?? '{}').parts.find(
      (part: { name: string }) => part.name === '2026',
    ).shards as number;
    expect(yearShards).toBeGreaterThanOrEqual(16);
    // Every issue stays findable, exactly, whether compacted or recent.
    for (const n of [1, 20, 35, 49, 50]) expect(ids(marker(n))).toEqual([`w${n}a`]);
    expect(ids('标记')).toHaveLength(count);
  }, 60_000);

  it('folds the recent part into the year at the nightly job, and does nothing on a second run', async () => {
    const list = Array.from({ length: 6 }, (_, n) => numbered(n + 1));
    const { publisher, ids, objects, read } = await archive(list);
    const manifest = () =>
      JSON.parse(read('years.json') ?? '{}') as { parts: { name: string; shards: number }[] };
    expect(manifest().parts.map((part) => part.name)).toEqual(['recent', '2026']);
    const recentBefore = [...objects.objects.keys()].filter((key) => key.startsWith('search/index/recent/'));
    expect(recentBefore.length).toBeGreaterThan(0);

    const first = await publisher.compactSearch();
    expect(first.compacted).toBe(true);
    // The year's part is rebuilt with every issue; the recent part's objects are deleted.
    expect(first.keys.some((key) => key.startsWith('search/index/2026/'))).toBe(true);
    for (const key of recentBefore) expect(first.keys).toContain(key);
    expect(manifest().parts.map((part) => part.name)).toEqual(['2026']);
    expect([...objects.objects.keys()].filter((key) => key.startsWith('search/index/recent/'))).toEqual([]);
    for (let n = 1; n <= 6; n++) expect(ids(marker(n))).toEqual([`w${n}a`]);
    expect(ids('标记')).toHaveLength(6);

    const second = await publisher.compactSearch();
    expect(second).toEqual({ compacted: false, keys: [] });
  });

  it('compacts in the publish that passes the hard cap (the nightly job failing for days)', async () => {
    // 2 × 4,000 characters of body an issue (plus titles and unit names): 24 recent issues pass
    // the cap of 192,000 characters.
    const big = (n: number) =>
      bulletin({
        number: n,
        publishedAt: new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString(),
        items: [
          entry(`w${n}a`, marker(n), prose(n, 4_000)),
          entry(`w${n}b`, '另一条', prose(n + 1_000, 4_000)),
        ],
      });
    const count = 27;
    const { writes, ids } = await archive(Array.from({ length: count }, (_, n) => big(n + 1)));
    const compactions = writes
      .map((keys, at) => (keys.some((key) => key.startsWith('search/index/2026/')) ? at + 1 : 0))
      .filter((n) => n > 0);
    // The first publish (no manifest yet) builds the year's part; the 25th (24 recent) compacts.
    expect(compactions).toEqual([1, 25]);
    for (const n of [1, 25, 26, 27]) expect(ids(marker(n))).toEqual([`w${n}a`]);
  }, 60_000);

  it('takes a withdrawn issue of a compacted part out of the results at once, without rewriting the part', async () => {
    const list = [1, 2, 3].map(numbered);
    const { store, publisher, ids, objects } = await archive(list);
    const first = list[0] as Bulletin;
    const before = JSON.parse(objects.objects.get('search/years.json')?.body ?? '{}');
    expect(before.parts.map((part: { name: string }) => part.name)).toEqual(['recent', '2026']);
    expect(ids(marker(1))).toEqual(['w1a']);
    const withdrawn = { ...first, status: 'withdrawn' as const, version: first.version + 1 };
    store.save(withdrawn);
    const keys = await publisher.bulletinChanged(withdrawn);
    expect(keys.filter((key) => key.startsWith('search/index/2026/'))).toEqual([]);
    expect(ids(marker(1))).toEqual([]);
    expect(ids('标记')).toEqual(['w3a', 'w2a']);
    const manifest = JSON.parse(objects.objects.get('search/years.json')?.body ?? '{}');
    expect(manifest.parts[1]).toMatchObject({ name: '2026', hidden: [0] });
    // Its place is kept (the documents' numbers), its name is not.
    expect(manifest.parts[1].issues[0]).toEqual([0, '', 0, 2]);
    expect(objects.objects.get('search/years.json')?.body).not.toContain('"zwxx",1,');
    // A rebuild drops it from the part for good.
    await publisher.rebuild();
    const rebuilt = JSON.parse(objects.objects.get('search/years.json')?.body ?? '{}');
    expect(rebuilt.parts).toEqual([expect.objectContaining({ name: '2026', issues: expect.any(Array) })]);
    expect(rebuilt.parts[0].hidden).toBeUndefined();
    expect(ids(marker(1))).toEqual([]);
    expect(ids('标记')).toEqual(['w3a', 'w2a']);
  });
});
