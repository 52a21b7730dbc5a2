/**
 * The archive site in a real browser (Debian Chromium through playwright-core): pages written by
 * the real publisher into an archive bucket and served as CloudFront serves them. Shared by the
 * e2e test (whole local stack) and the integration test (s3rver + archive server in process).
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticArchivePublisher } from '#shared/archive/publisher';
import { S3ArchiveObjects } from '#shared/store/s3/archive-objects';
import { localS3HttpClient } from '../../infra/local/aws';
import { bulletin, item, MemoryBulletins } from '../unit/archive/support';
import { launchChromium } from './chromium';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const xss = '<img src=x onerror=alert(1)>';

let browser: Browser;
let page: Page;
const dialogs: string[] = [];

const found = item({
  title: '桃花村建成乡村振兴示范点',
  body: '今年桃花村引进企业三家。\n村集体收入翻番。',
});
const secret = item({ title: '内部情况通报', body: '不应公开的内容', openness: 'internal' });

const noticeRow = (unitId: string, name: string, rank: number, points: number, change?: number) => ({
  unitId,
  name,
  submitted: 6,
  adopted: 3,
  upperAdopted: 0,
  instructions: 0,
  points,
  adoptionRate: 50,
  rank,
  ...(change === undefined ? {} : { change }),
});
const noticeRankings = [
  {
    period: '2026-10',
    unitClass: 'county',
    rows: [
      noticeRow('linqu', '临朐县人民政府', 1, 23.5, 2),
      noticeRow('qingzhou', '青州市人民政府', 2, 12),
      noticeRow('xss', xss, 3, -2, -1),
    ],
    zeroReport: [],
    zeroAdoption: [],
  },
  {
    period: '2026-10',
    unitClass: 'department',
    rows: [noticeRow('fgw', '市发展和改革委员会', 1, 4)],
    zeroReport: [],
    zeroAdoption: [],
  },
];

export interface ArchiveTarget {
  archiveUrl: string;
  /** The S3 endpoint (path-style) holding `bucket`. */
  s3Endpoint: string;
  bucket: string;
  stop(): Promise<unknown>;
}

export function archiveBrowserSuite(start: () => Promise<ArchiveTarget>) {
  let target: ArchiveTarget;
  beforeAll(async () => {
    target = await start();
    const store = new MemoryBulletins();
    const publisher = new StaticArchivePublisher({
      bulletins: store,
      objects: new S3ArchiveObjects(localS3HttpClient(target.s3Endpoint), target.bucket),
      isArchivedSeries: () => true,
      officeName: '市人民政府办公室',
    });
    const issues = [
      bulletin({
        year: 2025,
        number: 30,
        publishedAt: '2025-12-20T02:00:00.000Z',
        items: [item({ title: '去年的环境整治' })],
      }),
      bulletin({
        number: 11,
        publishedAt: '2026-11-20T02:00:00.000Z',
        items: [item({ title: xss, body: `正文${xss}` })],
      }),
      bulletin({ number: 12, items: [item({ title: '营商环境持续优化' }), secret, found] }),
      bulletin({
        number: 13,
        publishedAt: '2026-11-26T02:00:00.000Z',
        items: Array.from({ length: 21 }, (_, n) =>
          item({ title: `分页样例第${n + 1}条`, body: '用于检验分页。' }),
        ),
      }),
    ];
    for (const b of issues) store.save(b);
    await publisher.rebuild();
    await publisher.rankingNoticePublished('2026-10', noticeRankings);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await target?.stop();
  });

  async function seriousViolations(): Promise<string[]> {
    await page.addScriptTag({ path: axePath });
    const results = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: () => Promise<unknown> } }).axe;
      return (await axe.run()) as { violations: { id: string; impact: string | null; help: string }[] };
    });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`);
  }

  describe('the archive site in Chromium', () => {
    it('navigates home → year → bulletin, with no serious accessibility violation', async () => {
      await page.goto(`${target.archiveUrl}/`);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await seriousViolations()).toEqual([]);
      await page.getByRole('link', { name: '2026年', exact: true }).first().click();
      await expect.poll(() => page.url()).toMatch(/\/2026\/index\.html$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('2026年各期简报');
      expect(await seriousViolations()).toEqual([]);
      await page.getByRole('link', { name: '第12期', exact: true }).click();
      await expect.poll(() => page.url()).toMatch(/\/2026\/zwxx\/12\/index\.html$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('《政务信息》2026年第12期');
      expect(await page.content()).not.toContain('内部情况通报');
      expect(await seriousViolations()).toEqual([]);
    });

    it('reaches the ranking notice from the menu on a phone: chart labelled, fits the screen, accessible', async () => {
      const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
      const swap = page;
      page = phone;
      try {
        await page.goto(`${target.archiveUrl}/`);
        await page.getByRole('link', { name: '采用情况通报', exact: true }).click();
        await expect.poll(() => page.url()).toMatch(/\/rankings\/index\.html$/);
        expect(await seriousViolations()).toEqual([]);
        await page.getByRole('link', { name: '2026年10月政务信息采用情况通报' }).click();
        await expect.poll(() => page.url()).toMatch(/\/rankings\/2026-10\.html$/);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
          '2026年10月政务信息采用情况通报',
        );
        const chart = page.getByRole('img', { name: '县市区得分（2026年10月）' });
        expect(await chart.count()).toBe(1);
        const box = await chart.boundingBox();
        expect(box?.width).toBeLessThanOrEqual(360);
        expect(box?.height).toBeGreaterThan(100);
        expect(
          await page.evaluate(
            () =>
              (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
                .documentElement.scrollWidth,
          ),
        ).toBeLessThanOrEqual(360);
        expect(await page.locator('svg text').allTextContents()).toContain(`3. ${xss}`);
        expect(await seriousViolations()).toEqual([]);
        expect(dialogs).toEqual([]);
      } finally {
        page = swap;
        await phone.close();
      }
    });

    it('searches a Chinese phrase and lands on the item permalink', async () => {
      await page.goto(`${target.archiveUrl}/`);
      await page.locator('#site-q').fill('桃花村');
      await page.locator('#site-q').press('Enter');
      await page.locator('#search-results[data-done="true"]').waitFor({ state: 'attached' });
      const results = page.locator('#search-results > li');
      expect(await results.count()).toBe(1);
      expect(await results.locator('mark').first().textContent()).toBe('桃花村');
      expect(await seriousViolations()).toEqual([]);
      await results.getByRole('link').click();
      await expect.poll(() => page.url()).toContain(`/2026/zwxx/12/index.html#${found.itemId}`);
      expect(await page.locator(`#${found.itemId} h2`).textContent()).toBe(found.title);
    });

    it('finds older years progressively and honours ?q= with several terms', async () => {
      await page.goto(`${target.archiveUrl}/search/index.html?q=${encodeURIComponent('环境')}`);
      await page.locator('#search-results[data-done="true"]').waitFor({ state: 'attached' });
      expect(await page.locator('#search-results > li').count()).toBe(2);
      await page.goto(`${target.archiveUrl}/search/index.html?q=${encodeURIComponent('量子计算')}`);
      await page.locator('#search-results[data-done="true"]').waitFor({ state: 'attached' });
      expect(await page.locator('#search-results > li').count()).toBe(0);
      expect(await page.locator('#search-status').textContent()).toContain('没有找到');
    });

    it('runs a later query in place, reusing what the first one fetched', async () => {
      const requested: string[] = [];
      const listen = (request: { url(): string }) => requested.push(new URL(request.url()).pathname);
      page.on('request', listen);
      try {
        await page.goto(`${target.archiveUrl}/search/index.html?q=${encodeURIComponent('环境')}`);
        await page.locator('#search-results[data-done="true"]').waitFor({ state: 'attached' });
        const first = requested.length;
        await page.locator('#q').fill('桃花村');
        await page.locator('#q').press('Enter');
        await expect.poll(() => page.url()).toContain(`?q=${encodeURIComponent('桃花村')}`);
        await page.locator('#search-results[data-done="true"]').waitFor({ state: 'attached' });
        expect(await page.locator('#search-results > li').count()).toBe(1);
        expect(await page.locator('#search-results mark').first().textContent()).toBe('桃花村');
        const later = requested.slice(first);
        expect(later.filter((path) => path.endsWith('/search/years.json'))).toEqual([]);
        expect(later.filter((path) => path.endsWith('.html') || path.endsWith('.js'))).toEqual([]);
        expect(later.some((path) => path.includes('/search/items/'))).toBe(true);
      } finally {
        page.off('request', listen);
      }
    });

    it('shows 20 hits at a time, newest issue first in its own order, and the rest on request', async () => {
      await page.goto(`${target.archiveUrl}/search/index.html?q=${encodeURIComponent('分页样例')}`);
      await page.locator('#search-results[data-done="true"]').waitFor({ state: 'attached' });
      const results = page.locator('#search-results > li');
      expect(await results.count()).toBe(20);
      expect(await results.first().locator('h2').textContent()).toBe('分页样例第1条');
      expect(await page.locator('#search-status').textContent()).toContain('共找到 21 条');
      await page.getByRole('button', { name: '显示更多结果' }).click();
      await expect.poll(() => results.count()).toBe(21);
      expect(await page.getByRole('button', { name: '显示更多结果' }).count()).toBe(0);
      expect(await seriousViolations()).toEqual([]);
    });

    it('renders an XSS title as text: no dialog, the markup visible', async () => {
      await page.goto(`${target.archiveUrl}/2026/zwxx/11/index.html`);
      await expect.poll(() => page.getByRole('heading', { level: 2, name: xss }).count()).toBeGreaterThan(0);
      expect(await page.locator('img').count()).toBe(0);
      await page.goto(`${target.archiveUrl}/search/index.html?q=${encodeURIComponent('onerror')}`);
      await page.locator('#search-results[data-done="true"]').waitFor({ state: 'attached' });
      expect(await page.locator('#search-results img').count()).toBe(0);
      expect(await page.locator('#search-results > li').first().textContent()).toContain('<img');
      expect(dialogs).toEqual([]);
    });
  });
}
