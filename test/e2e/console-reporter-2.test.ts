/**
 * The 信息员's remaining pages in Chromium against `npm start`'s stack: a 约稿 answered with an
 * item taken from a Word file, an image attached with its caption and upload progress, the item
 * returned by the editor (over HTTP) with a comment and an edit, the comment and the 改稿对照
 * seen, the item revised; the unit's ledger. At 1366 px, then every page again at 390 px.
 */
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../browser/chromium';
import { noHorizontalScroll, seriousFindings } from '../browser/console-checks';
import { startStackForTest, type TestStack } from '../support/local-stack';

/** A real 1×1 PNG: the API checks the uploaded bytes are what the name says. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const desktop = { width: 1366, height: 900 };
const phone = { width: 390, height: 844 };

let stack: TestStack;
let browser: Browser;
/** What the desktop walk created, for the phone to revisit. */
const created: { itemId?: string; commissionTopic?: string } = {};

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStackForTest({ timeoutMs: 90_000 }), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function pageIsFine(page: Page): Promise<void> {
  expect(await seriousFindings(page)).toEqual([]);
  expect(await noHorizontalScroll(page)).toBe(true);
}

/** The API as an integration calls it, with a demo xb_ token. */
async function call<T>(
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${stack.urls.api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

const asEditor = <T>(method: string, path: string, body?: unknown) =>
  call<T>(stack.tokens.EDITOR_TOKEN, method, path, body);

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

async function menu(page: Page, label: string): Promise<void> {
  if ((page.viewportSize()?.width ?? 1366) < 768) await page.getByRole('button', { name: '菜单' }).click();
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: label }).click();
}

async function wordFile(): Promise<Buffer> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            text: '潍城区答好冬季安全生产“必答题”整改隐患52处',
            heading: HeadingLevel.HEADING_1,
          }),
          new Paragraph({
            text: '\u3000\u300012月1日至5日，潍城区组织应急、住建、消防等部门组成4个检查组，对全区40家重点企业开展冬季安全生产检查，排查隐患58处，已整改52处。',
          }),
          new Paragraph({
            text: '\u3000\u3000检查聚焦燃气使用、消防通道和冬季施工，对3家问题突出的企业约谈负责人，剩余6处隐患明确整改时限，年底前全部销号。',
          }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toArrayBuffer(document));
}

describe('the console for a 信息员: 约稿, Word in, attachments, a returned item', () => {
  it('answers a 约稿 from a Word file, attaches a captioned image, sees the return and the diff, revises (1366 px)', async () => {
    const topic = `冬季安全生产工作情况（${Date.now()}）`;
    created.commissionTopic = topic;
    await asEditor('POST', '/commissions', {
      topic,
      requirements: '请报送本单位冬季安全生产检查的做法和成效。',
      deadline: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      unitIds: [stack.tokens.REPORTER_UNIT],
    });

    const { context, page, failures } = await signedIn(desktop);
    await menu(page, '约稿');
    await page.getByRole('heading', { name: '约稿', exact: true }).waitFor();
    const commission = page.locator('li.commission', { hasText: topic });
    await commission.waitFor({ timeout: 20_000 });
    expect(await commission.textContent()).toContain('待报送');
    await pageIsFine(page);
    await commission.getByRole('link', { name: '回应约稿：写信息' }).click();

    await page.getByRole('heading', { name: '写信息' }).waitFor();
    await expect.poll(() => page.getByRole('main').textContent()).toContain(`回应约稿：${topic}`);
    await page.locator('input#word-file').setInputFiles({
      name: '安全生产.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await wordFile(),
    });
    await expect
      .poll(() => page.getByLabel('标题').inputValue(), { timeout: 20_000 })
      .toBe('潍城区答好冬季安全生产“必答题”整改隐患52处');
    expect(await page.getByLabel('正文').inputValue()).toMatch(
      /^12月1日至5日，潍城区组织应急.*52处。\n检查聚焦燃气使用.*全部销号。$/,
    );
    await page.getByLabel('事件日期').fill(new Date().toISOString().slice(0, 10));
    await page.getByLabel('事件日期').press('Enter');
    await page.getByLabel('审核领导').fill('张明');
    await pageIsFine(page);
    await page.getByRole('button', { name: '报送' }).click();

    // The item page, right after submitting: attach a photo with its caption.
    await page.getByText('报送成功').waitFor({ timeout: 20_000 });
    const itemId = new URL(page.url()).pathname.split('/').pop();
    expect(itemId).toBeTruthy();
    created.itemId = itemId;
    await page
      .locator('input#attachment-files')
      .setInputFiles({ name: '检查现场.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: '上传附件' }).click();
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toContainEqual(expect.stringContaining('图片须填写说明'));
    await page.getByLabel('图片说明').fill('检查组在企业查看燃气管道');
    await page.getByRole('button', { name: '上传附件' }).click();
    await page.getByText('已上传').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await expect
      .poll(() => page.locator('.history').textContent(), { timeout: 20_000 })
      .toContain('附件已确认');
    await pageIsFine(page);

    // The editor edits the text and returns it with a comment (over HTTP).
    const item = await asEditor<{ version: number; title: string; body: string }>('GET', `/items/${itemId}`);
    const edited = await asEditor<{ version: number }>('PUT', `/items/${itemId}/edit`, {
      title: '潍城区冬季安全生产检查整改隐患52处',
      body: item.body.replace('组成4个检查组，', ''),
      version: item.version,
    });
    await asEditor('POST', `/items/${itemId}/decision`, {
      decision: 'return',
      version: edited.version,
      comment: '请补充约谈企业后的整改成效',
    });

    await page.reload();
    await page.getByText('信息科退回修改').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-test="comment"]').textContent()).toContain('请补充约谈企业后的整改成效');
    const diff = page.getByRole('region', { name: '改稿对照' });
    await diff.waitFor();
    // Each change is read out as 删除：/增加： before its text (for screen readers).
    expect(await diff.locator('del').allTextContents()).toContain('删除：组成4个检查组，');
    expect((await diff.locator('ins').allTextContents()).length).toBeGreaterThan(0);
    await pageIsFine(page);

    await page.getByRole('button', { name: '修改稿件' }).click();
    await page.getByRole('button', { name: '以编辑修改稿为底稿' }).click();
    expect(await page.getByLabel('标题').inputValue()).toBe('潍城区冬季安全生产检查整改隐患52处');
    const body = await page.getByLabel('正文').inputValue();
    await page.getByLabel('正文').fill(`${body}\n约谈后3家企业已完成燃气管道更换，通过复查。`);
    await pageIsFine(page);
    await page.getByRole('button', { name: '重新报送' }).click();
    await page.getByText('已重新报送，等待信息科处理').waitFor({ timeout: 20_000 });
    expect(await page.locator('.status').textContent()).toContain('待处理');
    expect(await page.getByRole('main').textContent()).toContain('约谈后3家企业已完成燃气管道更换');
    expect(await page.locator('.history').textContent()).toContain('修改后重新报送');

    // 我的信息 opens the item; 约稿 shows it answered; the ledger reads.
    await menu(page, '我的信息');
    await page
      .getByRole('link', { name: '潍城区冬季安全生产检查整改隐患52处' })
      .first()
      .waitFor({ timeout: 20_000 });
    await menu(page, '约稿');
    await expect
      .poll(() => page.locator('li.commission', { hasText: topic }).textContent(), { timeout: 20_000 })
      .toContain('已按时报送');
    await menu(page, '本单位积分');
    await page.locator('[data-test="total"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-test="total"]').textContent()).toMatch(/\d{4}年\d{1,2}月积分/);
    expect(await page.locator('[data-test="place"]').textContent()).toMatch(
      /^在县市区中排第 \d+ 名（共 \d+ 个）/,
    );
    await pageIsFine(page);

    expect(failures).toEqual([]);
    await context.close();
  });

  it('shows the same pages on a phone (390 px) without sideways scrolling', async () => {
    expect(created.itemId).toBeTruthy();
    const { context, page, failures } = await signedIn(phone);
    await pageIsFine(page);

    await page.goto(`${stack.urls.console}/my-items/${created.itemId}`);
    await page
      .getByRole('heading', { name: '潍城区冬季安全生产检查整改隐患52处' })
      .waitFor({ timeout: 20_000 });
    await page.getByRole('region', { name: '处理记录' }).waitFor();
    await pageIsFine(page);

    await menu(page, '约稿');
    await page
      .locator('li.commission', { hasText: created.commissionTopic ?? '' })
      .waitFor({ timeout: 20_000 });
    await pageIsFine(page);

    await menu(page, '写信息');
    await page.getByRole('heading', { name: '写信息' }).waitFor();
    await pageIsFine(page);

    await menu(page, '本单位积分');
    await page.locator('[data-test="total"]').waitFor({ timeout: 20_000 });
    await pageIsFine(page);

    expect(failures).toEqual([]);
    await context.close();
  });
  it('shows 已采用 with the adopting issue in 我的信息 and on the item page', async () => {
    const title = `潍城区完成老旧小区改造12个惠及居民3600户（${Date.now() % 100000}）`;
    const { itemId } = await call<{ itemId: string }>(
      stack.tokens.REPORTER_TOKEN,
      'POST',
      '/items',
      {
        title,
        body: '今年以来，潍城区投入资金1.2亿元，完成老旧小区改造12个，惠及居民3600户，改造燃气、供水管网28公里。',
        eventDate: new Date().toISOString().slice(0, 10),
        urgency: 'normal',
        openness: 'public',
        secrecy: 'non-secret',
        approver: '张建国',
        author: { name: '李晓梅', phone: '0536-8201234' },
      },
      { 'idempotency-key': crypto.randomUUID() },
    );
    await asEditor('POST', `/items/${itemId}/decision`, { decision: 'candidate', version: 1 });
    const draft = await asEditor<{ bulletinId: string; version: number }>('POST', '/bulletins', {
      seriesId: 'zwxx',
      itemIds: [itemId],
    });
    const published = await asEditor<{ seriesName: string; year: number; number: number }>(
      'POST',
      `/bulletins/${draft.bulletinId}/publish`,
      { version: draft.version, signer: '刘秘书长' },
    );
    const issue = `《${published.seriesName}》${published.year}年第${published.number}期`;

    const { context, page, failures } = await signedIn(desktop);
    const row = page.locator('.el-table__row', { hasText: title });
    await row.waitFor({ timeout: 20_000 });
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain(issue);
    expect(await row.textContent()).toContain('已采用');
    await pageIsFine(page);
    await row.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title }).waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-test="issue"]').textContent()).toBe(`采用于${issue}`);
    await pageIsFine(page);
    expect(failures).toEqual([]);
    await context.close();
  });
});
