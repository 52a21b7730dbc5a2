/**
 * `npx tsx docs/screenshots.ts`: the README's console pictures, taken in Chromium against a fresh
 * local stack (demo accounts, one item submitted over the API) — rerun after changing a page.
 */
import { launchChromium } from '../test/browser/chromium';
import { apiClient } from '../test/support/api';
import { submitItem } from '../test/support/e2e';
import { startStackForTest } from '../test/support/local-stack';

const stack = await startStackForTest({ timeoutMs: 120_000 });
const browser = await launchChromium();
try {
  const consoleUrl = stack.urls.console ?? '';
  await submitItem(
    apiClient(() => stack.urls.api),
    stack.tokens.REPORTER_TOKEN,
    {
      title: '潍城区近日开展冬季安全生产大检查',
      body: '近日，潍城区组织应急、住建等部门对全区32家重点企业开展安全生产大检查，排查整改隐患47处。',
    },
  );
  const signIn = async (
    page: import('playwright-core').Page,
    prefix: 'REPORTER' | 'EDITOR',
    path: string,
  ) => {
    await page.goto(`${consoleUrl}${path}`);
    await page.getByLabel('用户名').fill(stack.accounts[`${prefix}_USERNAME`]);
    await page.getByLabel('密码', { exact: true }).fill(stack.accounts[`${prefix}_PASSWORD`]);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname === path);
  };

  const phone = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 })
  ).newPage();
  await phone.goto(consoleUrl);
  await phone.getByLabel('用户名').waitFor();
  await phone.screenshot({ path: 'docs/console-sign-in-phone.png' });
  await signIn(phone, 'REPORTER', '/my-items');
  await phone.locator('.el-table__body .el-table__row').first().waitFor();
  await phone.screenshot({ path: 'docs/console-my-items-phone.png' });

  const desk = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await signIn(desk, 'REPORTER', '/write');
  await desk.getByLabel('标题').fill('我区近日召开安全生产工作会议');
  await desk
    .getByLabel('正文')
    .fill(
      '近日，我区召开安全生产工作会议，传达学习上级会议精神，研究部署下一步工作，会议强调要提高认识、压实责任。',
    );
  await desk.getByLabel('事件日期').fill(new Date().toISOString().slice(0, 10));
  await desk.getByLabel('事件日期').press('Enter');
  await desk.getByLabel('审核领导').fill('张明');
  await desk.locator('[data-code="VAGUE_TIME"]').waitFor({ timeout: 30_000 });
  await desk.screenshot({ path: 'docs/console-write-item.png' });

  const editor = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await signIn(editor, 'EDITOR', '/queue');
  await editor.locator('.el-table__body .el-table__row').first().waitFor();
  await editor.screenshot({ path: 'docs/console-queue.png' });
} finally {
  await browser.close();
  await stack.stop();
}
