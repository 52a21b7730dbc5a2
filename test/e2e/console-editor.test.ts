/**
 * The web console in Chromium against `npm start`'s stack, for the 信息科: a reporter's item
 * (seeded over HTTP with the demo xb_ token) is returned with a comment from the 待处理 queue,
 * revised by the unit, then opened, edited (改稿对照 shown) and marked 拟采用 by the demo editor,
 * on a desktop and on a phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../browser/chromium';
import { noHorizontalScroll, seriousFindings } from '../browser/console-checks';
import { apiClient } from '../support/api';
import { showStackErrorsOnFailure, submitItem, todayInShanghai } from '../support/e2e';
import { startStackForTest, type TestStack } from '../support/local-stack';

let stack: TestStack;
let browser: Browser;
const call = apiClient(() => stack.urls.api);

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStackForTest({ timeoutMs: 90_000 }), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

showStackErrorsOnFailure(() => stack.output());

/** Every page's bars: nothing serious for axe-core, no sideways scroll. */
async function expectUsable(page: Page): Promise<void> {
  expect(await seriousFindings(page)).toEqual([]);
  expect(await noHorizontalScroll(page)).toBe(true);
}

/** The demo editor signs in and opens 待处理 from the menu. */
async function openQueue(page: Page, width: number): Promise<void> {
  await page.goto(`${stack.urls.console}/my-items`);
  await page.getByLabel('用户名').fill(stack.accounts.EDITOR_USERNAME);
  await page.getByLabel('密码', { exact: true }).fill(stack.accounts.EDITOR_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page
    .locator('[data-test="who"]')
    .filter({ hasText: '王芳' })
    .waitFor({ state: 'attached', timeout: 30_000 });
  if (width < 768) await page.getByRole('button', { name: '菜单' }).click();
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '待处理' }).click();
  await page.getByRole('heading', { name: '待处理' }).waitFor();
}

function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(message.text());
  });
  return failures;
}

describe('the console for the 信息科', () => {
  it.each([
    { device: 'desktop', viewport: { width: 1366, height: 900 } },
    { device: 'phone', viewport: { width: 390, height: 844 } },
  ])(
    'returns an item with a comment from the queue, then edits and marks the revision 拟采用 ($device)',
    async ({ device, viewport }) => {
      const title = `潍城区开展秋冬季安全生产大检查（${device}）`;
      const itemId = await submitItem(call, stack.tokens.REPORTER_TOKEN, {
        title,
        body: '近日，潍城区组织应急、住建等部门对全区32家重点企业开展安全生产大检查，排查整改隐患47处。',
      });

      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      const page = await context.newPage();
      const failures = watchFailures(page);

      await openQueue(page, viewport.width);

      const row = page.getByRole('row').filter({ hasText: title });
      await row.waitFor({ timeout: 20_000 });
      expect(await row.textContent()).toContain('提示');
      // The hints open beside the row, so the decision can be taken from the list.
      await row.getByRole('button', { name: /查看 \d+ 条提示与查重/ }).click();
      await expect.poll(() => row.locator('[data-code="VAGUE_TIME"]').textContent()).toContain('近日');
      await expectUsable(page);

      // 退回修改 from the list: the comment is required.
      await row.getByRole('button', { name: `退回修改《${title}》` }).click();
      const dialog = page.getByRole('dialog', { name: '退回修改' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: '确定退回修改' }).click();
      await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('退回修改必须填写意见');
      await expectUsable(page);
      await dialog.getByLabel('意见').fill('“近日”请改为具体日期，并补充整改率');
      await dialog.getByRole('button', { name: '确定退回修改' }).click();
      await page.getByText(`已将《${title}》退回修改`).waitFor({ timeout: 20_000 });
      await expect.poll(() => row.locator('[data-test="status"]').textContent()).toBe('退回修改');

      // The unit revises (over the API, as the reporter's console page is another helper's).
      const revisedTitle = `潍城区排查整改安全隐患47处（${device}）`;
      const revised = await call('POST', `/items/${itemId}/revise`, {
        token: stack.tokens.REPORTER_TOKEN,
        json: {
          title: revisedTitle,
          body: '11月20日，潍城区组织应急、住建等部门对全区32家重点企业开展安全生产大检查，排查隐患47处，已整改45处，整改率95.7%。',
          eventDate: todayInShanghai(),
          urgency: 'normal',
          openness: 'public',
          secrecy: 'non-secret',
          approver: '张建国',
          author: { name: '李晓梅', phone: '0536-8201234' },
          version: 2,
        },
      });
      expect(revised.status).toBe(200);

      // Back in the queue, the revision waits again; the editor opens it.
      await page.getByRole('button', { name: '查询' }).click();
      const revisedRow = page.getByRole('row').filter({ hasText: revisedTitle });
      await revisedRow.waitFor({ timeout: 20_000 });
      await revisedRow.getByRole('link', { name: revisedTitle }).click();
      await page.getByRole('heading', { name: revisedTitle }).waitFor({ timeout: 20_000 });
      await expect
        .poll(() => page.getByRole('region', { name: '处理记录' }).textContent())
        .toContain('“近日”请改为具体日期');
      await expectUsable(page);

      // 编辑采用稿: the diff shows what the office changed.
      await page.getByRole('button', { name: '编辑采用稿' }).click();
      await page
        .getByLabel('正文')
        .fill(
          '11月20日，潍城区对全区32家重点企业开展安全生产大检查，排查隐患47处，已整改45处，整改率95.7%。',
        );
      await page.getByRole('button', { name: '保存采用稿' }).click();
      await page.getByText('采用稿已保存').waitFor({ timeout: 20_000 });
      const diff = page.getByRole('region', { name: '改稿对照' });
      await expect.poll(() => diff.locator('del').first().textContent()).toContain('组织应急、住建等部门');
      await expectUsable(page);

      await page.getByRole('button', { name: '拟采用', exact: true }).click();
      await page.getByText('已拟采用').waitFor({ timeout: 20_000 });
      await expect.poll(() => page.locator('[data-test="status"]').textContent()).toBe('拟采用');
      await expectUsable(page);

      const stored = await call('GET', `/items/${itemId}`, { token: stack.tokens.EDITOR_TOKEN });
      expect(stored.body).toMatchObject({ status: 'candidate', title: revisedTitle });

      expect(failures).toEqual([]);
      await context.close();
    },
  );

  it.each([
    { device: 'desktop', viewport: { width: 1366, height: 900 } },
    { device: 'phone', viewport: { width: 390, height: 844 } },
  ])('merges two items chosen in the queue into one 综合信息 ($device)', async ({ device, viewport }) => {
    const titles = [`潍城区推进老旧小区改造（${device}甲）`, `潍城区老旧小区改造惠及居民（${device}乙）`];
    const sources = [];
    for (const title of titles)
      sources.push(
        await submitItem(call, stack.tokens.REPORTER_TOKEN, {
          title,
          body: `${title}。11月20日，潍城区完成12个老旧小区改造，惠及居民3200户，新增停车位460个。`,
        }),
      );

    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    const failures = watchFailures(page);
    await openQueue(page, viewport.width);
    for (const title of titles) {
      const row = page.getByRole('row').filter({ hasText: title });
      await row.waitFor({ timeout: 20_000 });
      await row.getByRole('checkbox').check();
    }
    await page.getByRole('button', { name: '合并为综合信息（已选 2 篇）' }).click();
    await page.getByRole('heading', { name: '合并为综合信息' }).waitFor();
    await expect.poll(() => page.locator('[data-test="credit"]').textContent()).toContain('主报单位');
    await expectUsable(page);

    const mergedTitle = `潍城区老旧小区改造惠及3200户（${device}）`;
    await page.getByLabel('标题').fill(mergedTitle);
    await page.getByLabel('合并说明（选填）').fill('同题合并');
    await page.getByRole('button', { name: '合并', exact: true }).click();
    await page.getByRole('heading', { name: mergedTitle }).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-test="status"]').textContent()).toBe('拟采用');
    await expectUsable(page);

    for (const source of sources) {
      const stored = await call('GET', `/items/${source}`, { token: stack.tokens.EDITOR_TOKEN });
      expect(stored.body).toMatchObject({ status: 'merged' });
    }
    expect(failures).toEqual([]);
    await context.close();
  });
});
