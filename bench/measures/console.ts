/**
 * The web console's weight in Chromium against `npm start`'s stack: the JS and CSS a browser with
 * an empty cache downloads (gzip, as CloudFront sends them; CDP `Network.loadingFinished`
 * encodedDataLength, headers included) to show the sign-in page, and to reach each page of the
 * menu from a cold start (sign-in page, signing in, then the page), for each demo role. API and
 * user-pool calls are not counted: only the console's own scripts and style sheets. Then the
 * editor's 待处理 queue: the time from opening it to its first page on screen, with an empty queue
 * and with 1,000 waiting items (written straight to the table), median of three each, in the same
 * browser and run; the queue must page through the API, never loading the 1,000.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { navigation } from '../../console/src/navigation';
import { localCredentials, localRegion } from '../../infra/local/aws';
import { localNames } from '../../infra/local/env';
import { ensureConsoleBuilt } from '../../infra/local/services/console';
import { newId } from '../../shared/domain/ids';
import { shanghaiDate } from '../../shared/domain/periods';
import { documentClient } from '../../shared/store/dynamo/client';
import { storedItem } from '../../shared/store/dynamo/item-records';
import { launchChromium } from '../../test/browser/chromium';
import { startStackForTest, type TestStack } from '../../test/support/local-stack';
import { seededRandom } from '../load/random';
import { itemText } from '../load/text';
import { writeRows } from '../load/write';
import type { Measure } from '../types';

const section = '控制台 console';
const signInGoal = 200 * 1024;
const routeGoal = 400 * 1024;
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

type RolePrefix = 'ADMIN' | 'EDITOR' | 'LEADER' | 'REPORTER' | 'UNIT_ADMIN';
const roles: Record<string, RolePrefix> = {
  admin: 'ADMIN',
  editor: 'EDITOR',
  leader: 'LEADER',
  reporter: 'REPORTER',
  'unit-admin': 'UNIT_ADMIN',
};

interface Weight {
  bytes: number;
  files: number;
}

/** JS and CSS of the console's origin downloaded while `action` runs in a fresh browser context. */
async function weigh(
  browser: Browser,
  consoleUrl: string,
  action: (page: import('playwright-core').Page) => Promise<void>,
): Promise<Weight> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const assets = new Map<string, boolean>();
  let bytes = 0;
  let files = 0;
  cdp.on('Network.responseReceived', (event) => {
    const { url, mimeType } = event.response;
    assets.set(event.requestId, url.startsWith(consoleUrl) && /javascript|css/.test(mimeType));
  });
  cdp.on('Network.loadingFinished', (event) => {
    if (!assets.get(event.requestId)) return;
    bytes += event.encodedDataLength;
    files += 1;
  });
  try {
    await action(page);
    // Late chunks (preloads) finish after the page shows: let the network settle.
    await page.waitForLoadState('networkidle');
  } finally {
    await context.close();
  }
  return { bytes, files };
}

const waitingItems = 1_000;

/** 1,000 submitted items of the demo reporter's unit over the last 30 days, straight into the table. */
async function loadWaitingItems(stack: TestStack): Promise<void> {
  const client = new DynamoDBClient({
    endpoint: stack.urls.dynamodb,
    region: localRegion,
    credentials: localCredentials,
  });
  const table = { client: documentClient(client), tableName: localNames.table };
  const now = Date.now();
  const rows = Array.from({ length: waitingItems }, (_, serial) => {
    const at = new Date(now - (serial * 30 * 86_400_000) / waitingItems - 60_000);
    return storedItem({
      ...itemText(seededRandom(serial + 1), serial + 1),
      itemId: newId('it', at),
      unitId: stack.tokens.REPORTER_UNIT,
      status: 'submitted',
      eventDate: shanghaiDate(at),
      urgency: serial % 10 === 0 ? 'important' : 'normal',
      openness: 'public',
      approver: '张建国',
      author: { name: '李晓梅', phone: '0536-8201234' },
      submittedAt: at.toISOString(),
      updatedAt: at.toISOString(),
      revisions: [],
      findings: [],
      duplicates: [],
      coUnits: [],
      version: 1,
    });
  });
  await writeRows(table, rows, rows.length);
  client.destroy();
}

/**
 * Milliseconds from clicking 待处理 in the menu (coming from 首页) to its first page (or its empty
 * message) on screen, as an editor opens it.
 */
async function openQueue(page: Page, expectRows: boolean): Promise<{ ms: number; rows: number }> {
  const menu = page.getByRole('navigation', { name: '主菜单' });
  await menu.getByRole('link', { name: '首页' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  const started = performance.now();
  await menu.getByRole('link', { name: '待处理' }).click();
  await page
    .locator(expectRows ? '.el-table__body .el-table__row' : '.el-table__empty-text')
    .first()
    .waitFor({ timeout: 60_000 });
  const ms = performance.now() - started;
  return { ms, rows: await page.locator('.el-table__body .el-table__row').count() };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export const measure: Measure = async ({ log }) => {
  await ensureConsoleBuilt(log);
  let stack: TestStack | undefined;
  let browser: Browser | undefined;
  try {
    [stack, browser] = await Promise.all([startStackForTest({ timeoutMs: 120_000 }), launchChromium()]);
    const consoleUrl = stack.urls.console;
    if (!consoleUrl) throw new Error('the stack serves no console');
    const accounts = stack.accounts;

    const signIn = await weigh(browser, consoleUrl, async (page) => {
      await page.goto(consoleUrl);
      await page.getByLabel('用户名').waitFor();
    });
    log(`console: sign-in page ${signIn.bytes} B in ${signIn.files} files`);

    const routes: { label: string; role: string; weight: Weight }[] = [];
    for (const entry of navigation) {
      const role = entry.roles[0];
      if (!role) continue;
      const prefix = roles[role];
      if (!prefix) continue;
      const weight = await weigh(browser, consoleUrl, async (page) => {
        await page.goto(`${consoleUrl}${entry.path}`);
        await page.getByLabel('用户名').fill(accounts[`${prefix}_USERNAME`]);
        await page.getByLabel('密码', { exact: true }).fill(accounts[`${prefix}_PASSWORD`]);
        await page.getByRole('button', { name: '登录' }).click();
        await page.waitForURL((url) => url.pathname === entry.path, { timeout: 60_000 });
        await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 });
      });
      log(`console: ${entry.label} (${role}) ${weight.bytes} B in ${weight.files} files`);
      routes.push({ label: entry.label, role, weight });
    }
    const heaviest = routes.reduce((a, b) => (b.weight.bytes > a.weight.bytes ? b : a));

    // The editor's queue, empty and then with 1,000 waiting items, in one signed-in tab.
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${consoleUrl}/queue`);
    await page.getByLabel('用户名').fill(accounts.EDITOR_USERNAME);
    await page.getByLabel('密码', { exact: true }).fill(accounts.EDITOR_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname === '/queue', { timeout: 60_000 });
    const empty: number[] = [];
    for (let run = 0; run < 3; run++) empty.push((await openQueue(page, false)).ms);
    await loadWaitingItems(stack);
    const full: number[] = [];
    let shown = 0;
    for (let run = 0; run < 3; run++) {
      const opened = await openQueue(page, true);
      full.push(opened.ms);
      shown = opened.rows;
    }
    await context.close();
    const queueRatio = median(full) / median(empty);
    log(
      `console: queue empty ${empty.map(Math.round).join('/')} ms, 1,000 waiting ${full.map(Math.round).join('/')} ms, ${shown} rows shown`,
    );
    return [
      {
        section,
        name: 'sign-in page: JS + CSS, gzip, empty cache',
        measured: kb(signIn.bytes),
        baseline: '—',
        ratio: Math.round((signIn.bytes / signInGoal) * 1000) / 1000,
        goal: '≤ 200 KB gzip',
        pass: signIn.bytes <= signInGoal,
        note: `${signIn.files} files, measured in Chromium (CDP, headers included)`,
      },
      {
        section,
        name: `largest page from a cold start: ${heaviest.label} (${heaviest.role}), sign-in included`,
        measured: kb(heaviest.weight.bytes),
        baseline: '—',
        ratio: Math.round((heaviest.weight.bytes / routeGoal) * 1000) / 1000,
        goal: '≤ 400 KB gzip',
        pass: heaviest.weight.bytes <= routeGoal,
        note: routes.map((route) => `${route.label} ${kb(route.weight.bytes)}`).join(', '),
      },
      {
        section,
        name: `editor's 待处理 with ${waitingItems.toLocaleString('en')} waiting items: first page on screen`,
        measured: `${Math.round(median(full))} ms (${shown} rows shown)`,
        baseline: `${Math.round(median(empty))} ms empty`,
        ratio: Math.round(queueRatio * 100) / 100,
        goal: '≤ 2× empty, paged',
        pass: queueRatio <= 2 && shown > 0 && shown < waitingItems,
        note: `median of 3 in Chromium from the click on 待处理 in the menu; the page shows ${shown} of ${waitingItems} (paged through GET /items)`,
      },
    ];
  } finally {
    await browser?.close();
    await stack?.stop();
  }
};
