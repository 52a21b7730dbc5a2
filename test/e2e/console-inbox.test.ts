/**
 * Drafts and 站内消息 in Chromium against `npm start`'s stack: the demo 信息员 saves a draft on one
 * computer, opens it from 草稿箱 on another (a new browser context, a phone), submits it with a
 * double click (one item stored), the editor returns it over HTTP with a comment, and the 信息员
 * sees the unread badge, reads the 退回修改 message with the comment, and the badge clears.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/** The API as the editor's integration calls it, with the demo xb_ token. */
async function asEditor<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stack.urls.api}${path}`, {
    method,
    headers: { authorization: `Bearer ${stack.tokens.EDITOR_TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

const desktop = { width: 1366, height: 900 };
const phone = { width: 390, height: 844 };

/** A fresh browser (another computer) with the demo 信息员 signed in; browser errors collected. */
async function signedIn(viewport: { width: number; height: number }) {
  const context: BrowserContext = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(message.text());
  });
  await page.goto(`${stack.urls.console}/my-items`);
  await page.getByLabel('用户名').fill(stack.accounts.REPORTER_USERNAME);
  await page.getByLabel('密码', { exact: true }).fill(stack.accounts.REPORTER_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '我的信息' }).waitFor({ timeout: 30_000 });
  return { context, page, failures };
}

/** axe-core finds nothing serious or critical, and nothing scrolls sideways, at both widths. */
async function pageIsFine(page: Page): Promise<void> {
  const viewport = page.viewportSize() ?? desktop;
  for (const size of [desktop, phone]) {
    await page.setViewportSize(size);
    expect(await seriousFindings(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);
  }
  await page.setViewportSize(viewport);
}

async function openMenu(page: Page, label: string): Promise<void> {
  const viewport = page.viewportSize();
  if (viewport && viewport.width < 768) await page.getByRole('button', { name: '菜单' }).click();
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: label }).click();
}

describe('drafts and 站内消息 for a 信息员', () => {
  it('saves a draft, submits it from another device, and reads the 退回修改 message', async () => {
    const title = `潍城区开展冬季燃气安全专项检查（草稿${Date.now().toString(36)}）`;
    const body =
      '12月1日至5日，潍城区组织住建、应急等部门对全区86家燃气经营和使用单位开展专项检查，排查整改隐患31处。';

    // On the office PC: write and 保存为草稿.
    const office = await signedIn(desktop);
    await openMenu(office.page, '写信息');
    await office.page.getByRole('heading', { name: '写信息' }).waitFor();
    await office.page.getByLabel('标题').fill(title);
    await office.page.getByLabel('正文').fill(body);
    await office.page.getByLabel('审核领导').fill('张明');
    await office.page.getByRole('button', { name: '保存为草稿' }).click();
    await office.page.getByText('草稿已保存').waitFor({ timeout: 20_000 });
    await expect.poll(() => office.page.url()).toContain('draftId=df_');
    await pageIsFine(office.page);
    // 写信息 from the menu starts a fresh item; a second draft, to be thrown away later.
    const spare = `${title}（不用了）`;
    await openMenu(office.page, '写信息');
    await expect.poll(() => office.page.getByLabel('标题').inputValue()).toBe('');
    await office.page.getByLabel('标题').fill(spare);
    await office.page.getByRole('button', { name: '保存为草稿' }).click();
    await office.page.getByText('草稿已保存').waitFor({ timeout: 20_000 });
    expect(office.failures).toEqual([]);
    await office.context.close();

    // On a phone: the draft is in 草稿箱, opens in 写信息 with its fields, and is submitted.
    const mobile = await signedIn(phone);
    const { page, failures } = mobile;
    await openMenu(page, '草稿箱');
    await page.getByRole('heading', { name: '草稿箱' }).waitFor();
    const link = page.getByRole('link', { name: title, exact: true });
    await link.waitFor({ timeout: 20_000 });
    await pageIsFine(page);
    // 删除草稿 asks first.
    await page.getByRole('button', { name: `删除草稿：${spare}` }).click();
    await page.getByText('删除后无法恢复，确定删除这份草稿吗？').waitFor();
    await page.locator('.el-popconfirm').getByRole('button', { name: '删除' }).click();
    await page.getByText(`已删除草稿“${spare}”`).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('link', { name: spare, exact: true }).count()).toBe(0);
    await link.click();
    await page.getByRole('heading', { name: '写信息' }).waitFor();
    await expect.poll(() => page.getByLabel('标题').inputValue(), { timeout: 20_000 }).toBe(title);
    expect(await page.getByLabel('正文').inputValue()).toBe(body);
    expect(await page.getByLabel('审核领导').inputValue()).toBe('张明');
    // The event date was left blank in the draft; it is filled now, so the draft is saved first.
    await page.getByLabel('事件日期').fill(new Date().toISOString().slice(0, 10));
    await page.getByLabel('事件日期').press('Enter');
    await pageIsFine(page);
    await page.getByRole('button', { name: '报送' }).dblclick();
    await page.getByText('报送成功').waitFor({ timeout: 30_000 });
    const itemId = /\/my-items\/([^/?]+)/.exec(page.url())?.[1];
    expect(itemId).toBeTruthy();

    // One item, however many clicks; the draft has left 草稿箱.
    const listed = await asEditor<{ items: { itemId: string; title: string }[] }>(
      'GET',
      '/items?unitId=weicheng&status=submitted&limit=100',
    );
    expect(listed.items.filter((item) => item.title === title).map((item) => item.itemId)).toEqual([itemId]);
    await openMenu(page, '草稿箱');
    await page.getByRole('heading', { name: '草稿箱' }).waitFor();
    await expect
      .poll(() => page.getByRole('main').textContent(), { timeout: 20_000 })
      .not.toContain('（草稿');
    const badge = page.locator('[data-test="unread-badge"]');
    // A fresh stack: the 信息员 has nothing unread yet.
    expect(await badge.getAttribute('aria-label')).toBe('消息，没有未读');

    // The editor returns it with a comment.
    const item = await asEditor<{ version: number }>('GET', `/items/${itemId}`);
    const comment = '请补充整改完成情况和下一步安排';
    await asEditor('POST', `/items/${itemId}/decision`, {
      decision: 'return',
      version: item.version,
      comment,
    });

    // The badge shows it (asked again on each page load; every 60 s otherwise).
    await expect
      .poll(
        async () => {
          await page.reload();
          await badge.waitFor();
          return Number((await badge.getAttribute('aria-label'))?.match(/(\d+) 条未读/)?.[1] ?? 0);
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(1);

    await badge.click();
    await page.getByRole('heading', { name: '消息' }).waitFor();
    const message = page.locator('[data-test="message"]', { hasText: title });
    await message.waitFor({ timeout: 20_000 });
    expect(await message.textContent()).toContain('退回修改');
    expect(await message.textContent()).toContain(comment);
    expect(await message.textContent()).toContain('未读');
    await pageIsFine(page);

    // Opening it reads it and leads to the item; the badge goes down again.
    await message.getByRole('button', { name: '查看稿件' }).click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toContain(`/my-items/${itemId}`);
    await expect
      .poll(async () => Number((await badge.getAttribute('aria-label'))?.match(/(\d+) 条未读/)?.[1] ?? 0), {
        timeout: 20_000,
      })
      .toBe(0);
    expect(await badge.getAttribute('aria-label')).toBe('消息，没有未读');
    expect((await badge.textContent())?.trim()).toBe('消息');

    expect(failures).toEqual([]);
    await mobile.context.close();
  }, 300_000);
});
