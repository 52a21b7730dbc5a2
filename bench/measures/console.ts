/**
 * The web console's weight in Chromium against `npm start`'s stack: the JS and CSS a browser with
 * an empty cache downloads (gzip, as CloudFront sends them; CDP `Network.loadingFinished`
 * encodedDataLength, headers included) to show the sign-in page, and to reach each page of the
 * menu from a cold start (sign-in page, signing in, then the page), for each demo role. API and
 * user-pool calls are not counted: only the console's own scripts and style sheets.
 */
import type { Browser } from 'playwright-core';
import { navigation } from '../../console/src/navigation';
import { ensureConsoleBuilt } from '../../infra/local/services/console';
import { launchChromium } from '../../test/browser/chromium';
import { startStackForTest, type TestStack } from '../../test/support/local-stack';
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
    ];
  } finally {
    await browser?.close();
    await stack?.stop();
  }
};
