/**
 * The web console in Chromium against `npm start`'s stack, for the 信息科's bulletin: two 拟采用
 * items (seeded over HTTP with the demo xb_ tokens) are composed into a new issue by the demo
 * editor, reordered, signed, previewed and published (第N期 shown); the Word file downloads; an
 * upper-level adoption is recorded from one item's page — on a desktop and on a phone.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../browser/chromium';
import { noHorizontalScroll, seriousFindings } from '../browser/console-checks';
import { apiClient } from '../support/api';
import { showStackErrorsOnFailure, submitItem } from '../support/e2e';
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

async function expectUsable(page: Page): Promise<void> {
  expect(await seriousFindings(page)).toEqual([]);
  expect(await noHorizontalScroll(page)).toBe(true);
}

function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(message.text());
  });
  return failures;
}

/** A reporter's item, marked 拟采用 by the editor: a candidate for the next issue. */
async function candidate(title: string): Promise<string> {
  const itemId = await submitItem(call, stack.tokens.REPORTER_TOKEN, {
    title,
    body: `${title}。11月20日，潍城区完成12个老旧小区改造，惠及居民3200户，新增停车位460个。`,
  });
  const decided = await call('POST', `/items/${itemId}/decision`, {
    token: stack.tokens.EDITOR_TOKEN,
    json: { decision: 'candidate', version: 1 },
  });
  expect(decided.status).toBe(200);
  return itemId;
}

async function openMenu(page: Page, width: number, label: string): Promise<void> {
  if (width < 768) await page.getByRole('button', { name: '菜单' }).click();
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: label }).click();
}

describe('the console composes and publishes a bulletin', () => {
  it.each([
    { device: 'desktop', viewport: { width: 1366, height: 900 } },
    { device: 'phone', viewport: { width: 390, height: 844 } },
  ])(
    'composes two candidates, reorders, publishes, downloads the Word file and records an upper adoption ($device)',
    async ({ device, viewport }) => {
      const first = `潍城区推进老旧小区改造（${device}甲）`;
      const second = `潍城区新增停车位460个（${device}乙）`;
      const firstId = await candidate(first);
      await candidate(second);

      const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
      const page = await context.newPage();
      const failures = watchFailures(page);

      await page.goto(`${stack.urls.console}/my-items`);
      await page.getByLabel('用户名').fill(stack.accounts.EDITOR_USERNAME);
      await page.getByLabel('密码', { exact: true }).fill(stack.accounts.EDITOR_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page
        .locator('[data-test="who"]')
        .filter({ hasText: '王芳' })
        .waitFor({ state: 'attached', timeout: 30_000 });
      await openMenu(page, viewport.width, '编排刊物');
      await page.getByRole('heading', { name: '编排刊物' }).waitFor();
      await expectUsable(page);

      await page.getByRole('button', { name: '新建草稿' }).click();
      await page.getByRole('heading', { name: /待发布/ }).waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: `编入《${first}》` }).click({ timeout: 20_000 });
      await page.getByRole('button', { name: `编入《${second}》` }).click();
      const entries = page.locator('[data-test="entry"] .entry-title');
      await expect.poll(() => entries.allTextContents()).toEqual([first, second]);
      await expect
        .poll(() => page.getByRole('region', { name: /本期稿件/ }).textContent())
        .toContain('2 / 15 篇');

      // Keyboard users reorder with the buttons (the same order a drag gives).
      await page.getByRole('button', { name: `上移《${second}》` }).click();
      await expect.poll(() => entries.allTextContents()).toEqual([second, first]);

      await page.getByLabel('签发', { exact: true }).fill('张建国');
      await page.getByLabel('报（每行一个）').fill('市委办公室\n市人大常委会办公室');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByText('草稿已保存').waitFor({ timeout: 20_000 });
      await expectUsable(page);

      await page.getByRole('button', { name: '预览' }).click();
      const preview = page.getByRole('region', { name: '预览' });
      await preview.waitFor({ timeout: 20_000 });
      const previewText = (await preview.textContent()) ?? '';
      expect(previewText.indexOf(second)).toBeGreaterThanOrEqual(0);
      expect(previewText.indexOf(second)).toBeLessThan(previewText.indexOf(first));
      expect(previewText).toContain('报：市委办公室，市人大常委会办公室');
      await expectUsable(page);

      await page.getByRole('button', { name: '发布' }).click();
      const issue = page.locator('[data-test="issue"]');
      await issue.waitFor({ timeout: 30_000 });
      expect(await issue.textContent()).toMatch(/^第\d+期（总第\d+期）$/);
      await page.getByText(/已发布：《.+》\d{4}年第\d+期（总第\d+期）/).waitFor();
      await expectUsable(page);

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        page.getByRole('button', { name: '下载 Word' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const path = await download.path();
      const bytes = await readFile(path);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

      // The adopted item's page: record its adoption by an upper-level publication.
      await page.locator('[data-test="entry"]').getByRole('link', { name: first }).click();
      await page.getByRole('heading', { name: first }).waitFor({ timeout: 20_000 });
      const facts = page.getByRole('region', { name: '上报、上级采用与批示' });
      await facts.waitFor({ timeout: 20_000 });
      await expectUsable(page);
      await facts.getByRole('button', { name: '记录上级采用' }).click();
      await facts.locator('[data-test="upper-adoptions"]').waitFor({ timeout: 20_000 });
      expect(await facts.locator('[data-test="upper-adoptions"]').textContent()).toMatch(
        /采用，计 [\d.]+ 分/,
      );
      await expectUsable(page);

      const stored = await call('GET', `/items/${firstId}/facts`, { token: stack.tokens.EDITOR_TOKEN });
      expect((stored.body as { upperAdoptions: unknown[] }).upperAdoptions).toHaveLength(1);

      // Back on the issue: 撤回 needs a reason.
      await page.goBack();
      await page.getByRole('button', { name: '撤回' }).click({ timeout: 20_000 });
      const dialog = page.getByRole('dialog', { name: '撤回本期' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: '确定撤回' }).click();
      await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('撤回必须填写原因');
      await expectUsable(page);
      await dialog.getByLabel('撤回原因').fill('稿件数据需核实');
      await dialog.getByRole('button', { name: '确定撤回' }).click();
      await page.getByText('撤回原因：稿件数据需核实').waitFor({ timeout: 20_000 });
      await expect.poll(() => page.locator('[data-test="bulletin-status"]').textContent()).toBe('已撤回');

      expect(failures).toEqual([]);
      await context.close();
    },
  );

  it.each([
    { device: 'desktop', viewport: { width: 1366, height: 900 } },
    { device: 'phone', viewport: { width: 390, height: 844 } },
  ])('creates a 约稿 for every unit and shows each unit waiting ($device)', async ({ device, viewport }) => {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    const failures = watchFailures(page);
    await page.goto(`${stack.urls.console}/my-items`);
    await page.getByLabel('用户名').fill(stack.accounts.EDITOR_USERNAME);
    await page.getByLabel('密码', { exact: true }).fill(stack.accounts.EDITOR_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page
      .locator('[data-test="who"]')
      .filter({ hasText: '王芳' })
      .waitFor({ state: 'attached', timeout: 30_000 });
    await openMenu(page, viewport.width, '约稿管理');
    await page.getByRole('heading', { name: '约稿管理' }).waitFor();

    const topic = `冬季安全生产工作情况（${device}）`;
    await page.getByRole('button', { name: '发出约稿' }).click();
    await page.getByText('请填写约稿题目').waitFor();
    await page.getByLabel('约稿题目').fill(topic);
    await page.getByLabel('约稿要求').fill('请写明检查企业数和整改隐患数');
    const deadline = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(Date.now() + 3 * 24 * 3600 * 1000));
    await page.getByLabel('截止时间').fill(deadline);
    await page.getByLabel('截止时间').press('Enter');
    await page.getByRole('heading', { name: '新建约稿' }).click();
    await page.getByRole('button', { name: '发出约稿' }).click();
    await page
      .getByText(new RegExp(`已向 \\d+ 个单位发出约稿《${topic.replace(/[()（）]/g, '.')}》`))
      .waitFor({ timeout: 20_000 });
    const detail = page.getByRole('region', { name: `《${topic}》各单位情况` });
    await detail.waitFor();
    await expect
      .poll(() => detail.getByRole('row').filter({ hasText: '潍城区' }).textContent())
      .toContain('待报送');
    expect(await detail.locator('[data-test="commission-counts"]').textContent()).toMatch(/待报送 \d+/);
    await expectUsable(page);
    expect(failures).toEqual([]);
    await context.close();
  });
});
