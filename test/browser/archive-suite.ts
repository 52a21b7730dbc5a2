/**
 * The archive site in a real browser (Debian Chromium through playwright-core): pages written by
 * the real publisher into an archive bucket and served as CloudFront serves them. Shared by the
 * e2e test (whole local stack) and the integration test (s3rver + archive server in process).
 */
import { createRequire } from 'node:module';
import type { S3Client } from '@aws-sdk/client-s3';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticArchivePublisher } from '#shared/archive/publisher';
import { S3ArchiveObjects } from '#shared/store/s3/archive-objects';
import { bulletin, item, MemoryBulletins } from '../unit/archive/support';

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

export interface ArchiveTarget {
  archiveUrl: string;
  s3: S3Client;
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
      objects: new S3ArchiveObjects(target.s3, target.bucket),
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
    ];
    for (const b of issues) store.save(b);
    await publisher.rebuild();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
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
