/**
 * The web console in Chromium against `npm start`'s stack: a 信息员 signs in with the demo
 * account, writes an item, sees the 预检 hint and submits it, on a desktop and on a phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../browser/chromium';
import { noHorizontalScroll, seriousFindings } from '../browser/console-checks';
import { startStackForTest, type TestStack } from '../support/local-stack';

let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStackForTest({ timeoutMs: 90_000 }), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${stack.urls.console}/my-items`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('the console for a 信息员', () => {
  it.each([
    { device: 'desktop', viewport: { width: 1366, height: 900 } },
    { device: 'phone', viewport: { width: 390, height: 844 } },
  ])(
    'signs in, writes an item with a vague date, sees the hint, submits it and finds it in 我的信息 ($device)',
    async ({ device, viewport }) => {
      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      const page = await context.newPage();
      const failures: string[] = [];
      page.on('pageerror', (error) => failures.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') failures.push(message.text());
      });

      await page.goto(stack.urls.console);
      await expect.poll(() => page.getByLabel('用户名').isVisible()).toBe(true);
      expect(await seriousFindings(page)).toEqual([]);
      expect(await noHorizontalScroll(page)).toBe(true);

      await signIn(page, stack.accounts.REPORTER_USERNAME, 'not-the-password');
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('用户名或密码不正确');
      // The pool's 400 to that attempt is the only failed request the browser should report.
      expect(failures.filter((failure) => !failure.includes('400 (Bad Request)'))).toEqual([]);
      failures.length = 0;

      await signIn(page, stack.accounts.REPORTER_USERNAME, stack.accounts.REPORTER_PASSWORD);
      await page.getByRole('heading', { name: '我的信息' }).waitFor();
      if (viewport.width < 768) await page.getByRole('button', { name: '菜单' }).click();
      await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '写信息' }).click();
      await page.getByRole('heading', { name: '写信息' }).waitFor();
      // The sign-off comes from the person's profile.
      expect(await page.getByLabel('执笔人').inputValue()).toBe('李晓梅');
      expect(await page.getByLabel('联系电话').inputValue()).toBe('0536-8201234');

      const title = `潍城区近日开展秋冬季安全生产大检查（${device}）`;
      await page.getByLabel('标题').fill(title);
      await page
        .getByLabel('正文')
        .fill(
          '近日，潍城区组织应急、住建等部门对全区32家重点企业开展安全生产大检查，排查整改隐患47处，督促企业落实主体责任。',
        );
      await page.getByLabel('事件日期').fill(new Date().toISOString().slice(0, 10));
      await page.getByLabel('事件日期').press('Enter');
      await page.getByLabel('审核领导').fill('张明');
      const hint = page.locator('[data-code="VAGUE_TIME"]');
      await hint.waitFor({ timeout: 20_000 });
      expect(await hint.textContent()).toContain('近日');
      expect(await seriousFindings(page)).toEqual([]);
      expect(await noHorizontalScroll(page)).toBe(true);

      await page.getByRole('button', { name: '报送' }).click();
      await page.getByText('报送成功').waitFor({ timeout: 20_000 });
      await expect.poll(() => page.getByRole('main').textContent()).toContain(title);
      expect(await page.getByRole('main').textContent()).toContain('待处理');
      expect(await seriousFindings(page)).toEqual([]);
      expect(await noHorizontalScroll(page)).toBe(true);

      expect(failures).toEqual([]);
      await context.close();
    },
  );
});
