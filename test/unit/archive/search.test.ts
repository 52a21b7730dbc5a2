import { describe, expect, it } from 'vitest';
import { searchScript } from '#shared/archive/render/assets';
import { loadMatcher, search } from '#shared/archive/search/matcher';
import type { ShardDocument } from '#shared/archive/search/shard';

const matcher = loadMatcher();

const doc = (id: string, t: string, x: string, n: string[] = ['某单位']): ShardDocument => ({
  b: '《政务信息》2026年第1期',
  u: `2026/zwxx/1/index.html#${id}`,
  t,
  x,
  n,
  d: '2026-01-05',
});

// The traps from notes/archive-search.md, each with documents that must and must not match.
const corpus = [
  doc('village', '桃花村发展乡村旅游', '桃花村今年接待游客十万人次。'),
  doc('apart', '桃李满园花开村头', '桃树成林，花海连片，村民增收。'),
  doc('env', '改善人居环境', '持续开展环境整治。'),
  doc('envlong', '环境保护督察整改', '完成生态环境保护问题整改。'),
  doc('noenv', '营商优化', '优化营商服务，环节压减。'),
  doc('number', '全年编发信息1622条', '共1622条信息入选。'),
  doc('number2', '数字不同', '共16220条记录与162条。'),
  doc('g5', '新建５Ｇ基站120个', '全市5G基站总数突破一万。'),
  doc('g5apart', '5G应用场景', '新建通信基站三十个。'),
  doc('g5other', '15G基站', '型号ab5G基站。'),
  doc('quantum', '计算中心投用', '量子通信与云计算并进。'),
];

const ids = (query: string) => search(matcher, corpus, query).map((d) => d.u.split('#')[1]);

describe('archive search matcher (the very text shipped in assets/search.js)', () => {
  it('is embedded verbatim in search.js, with the index rules', () => {
    expect(searchScript).toContain('var XinbaoMatch');
    expect(searchScript).toContain('var XinbaoIndex');
  });

  it('matches exact phrases: precision and recall 1.0 on the traps', () => {
    expect(ids('桃花村')).toEqual(['village']);
    expect(ids('环境')).toEqual(['env', 'envlong']);
    expect(ids('1622')).toEqual(['number']);
    expect(ids('5G基站')).toEqual(['g5']);
    expect(ids('５ｇ基站')).toEqual(['g5']);
    expect(ids('量子计算')).toEqual([]);
  });

  it('requires every whitespace-separated term (full-width space too)', () => {
    expect(ids('环境 整治')).toEqual(['env']);
    expect(ids('环境　保护')).toEqual(['envlong']);
    expect(ids('   ')).toEqual([]);
  });

  it('searches unit names as well', () => {
    expect(search(matcher, [doc('u', '标题', '正文', ['高密市人民政府'])], '高密').length).toBe(1);
  });

  it('highlights the hit in the original text, mapping through NFKC', () => {
    const segments = matcher.snippet('全市５Ｇ基站总数', matcher.terms('5g基站'), 0);
    expect(segments).toEqual([
      { text: '全市', hit: false },
      { text: '５Ｇ基站', hit: true },
      { text: '总数', hit: false },
    ]);
    const long = `${'前'.repeat(100)}桃花村${'后'.repeat(100)}`;
    const cut = matcher.snippet(long, ['桃花村'], 30);
    expect(cut[0]).toEqual({ text: '…', hit: false });
    expect(cut.some((s) => s.hit && s.text === '桃花村')).toBe(true);
    expect(cut.map((s) => s.text).join('').length).toBeLessThan(40);
  });
});
