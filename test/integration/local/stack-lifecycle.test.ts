import { rm } from 'node:fs/promises';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { afterAll, describe, expect, it } from 'vitest';
import { demoUnits } from '../../../infra/local/demo/units';
import { startStackForTest, type TestStack } from '../../support/local-stack';
import { commandLine, descendants, isAlive } from '../../support/processes';

const dataDirs = new Set<string>();
afterAll(async () => {
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function mailboxSubjects(stack: TestStack): Promise<string[]> {
  const store = (await fetch(`${stack.urls.mailbox}/store`).then((r) => r.json())) as {
    emails: { subject: string }[];
  };
  return store.emails.map((email) => email.subject);
}

async function sendMail(stack: TestStack, subject: string): Promise<void> {
  const ses = new SESClient({
    endpoint: stack.urls.mailbox,
    region: 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ses.send(
    new SendEmailCommand({
      Source: 'xinbao@example.gov.cn',
      Destination: { ToAddresses: ['leader@example.gov.cn'] },
      Message: { Subject: { Data: subject }, Body: { Text: { Data: '正文' } } },
    }),
  );
  ses.destroy();
}

async function unitCount(stack: TestStack): Promise<number> {
  const response = await fetch(`${stack.urls.api}/units`, bearer(stack.tokens.ADMIN_TOKEN));
  expect(response.status).toBe(200);
  return ((await response.json()) as { count: number }).count;
}

/** Stops the stack and checks that nothing it started is left running. */
async function stopAndCheck(stack: TestStack, how: 'sigterm' | 'ctrl-c') {
  const children = descendants(stack.pid);
  const commands = children.map(commandLine);
  expect(commands.some((command) => command.includes('s3rver-child'))).toBe(true);
  expect(commands.some((command) => command.includes('cognito-child'))).toBe(true);
  const code = how === 'ctrl-c' ? await stack.interrupt('SIGINT') : await stack.stop('SIGTERM');
  expect(code).toBe(0);
  // Reaping can trail the exit by a moment.
  const deadline = Date.now() + 3000;
  while (children.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(children.filter(isAlive).map(commandLine)).toEqual([]);
}

describe('npm start as a user runs it', () => {
  it('starts with the demo data, keeps it across a restart, and --fresh wipes it', async () => {
    const first = await startStackForTest();
    dataDirs.add(first.dataDir);
    expect(first.output()).toContain(`ADMIN_TOKEN=${first.tokens.ADMIN_TOKEN}`);
    expect(first.tokens.REPORTER_UNIT).toBe('weicheng');
    expect(await unitCount(first)).toBe(demoUnits.length);
    const me = await fetch(`${first.urls.api}/me`, bearer(first.tokens.REPORTER_TOKEN));
    expect(await me.json()).toMatchObject({ role: 'reporter', unitId: 'weicheng' });
    const created = await fetch(`${first.urls.api}/units`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.tokens.ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'test-unit', name: '测试单位', class: 'department' }),
    });
    expect(created.status).toBe(201);
    const home = await fetch(first.urls.archive);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('lang="zh-CN"');
    expect((await fetch(first.urls.mailbox)).status).toBe(200);
    await sendMail(first, '【重要紧急信息】重启前的邮件');
    // A second stack on the same folder is refused, and --fresh wipes nothing under the running one.
    await expect(startStackForTest({ dataDir: first.dataDir, fresh: true })).rejects.toThrow(
      /in use by another stack/,
    );
    expect(await unitCount(first)).toBe(demoUnits.length + 1);
    await stopAndCheck(first, 'sigterm');

    const second = await startStackForTest({ dataDir: first.dataDir });
    expect(second.tokens).toEqual(first.tokens);
    expect(second.output()).toContain(`ADMIN_TOKEN=${first.tokens.ADMIN_TOKEN}`);
    expect(await unitCount(second)).toBe(demoUnits.length + 1);
    // The mailbox a user was reading survives the restart.
    expect(await mailboxSubjects(second)).toEqual(['【重要紧急信息】重启前的邮件']);
    await stopAndCheck(second, 'sigterm');

    const third = await startStackForTest({ dataDir: first.dataDir, fresh: true });
    expect(third.tokens.ADMIN_TOKEN).not.toBe(first.tokens.ADMIN_TOKEN);
    expect(await unitCount(third)).toBe(demoUnits.length);
    const old = await fetch(`${third.urls.api}/me`, bearer(first.tokens.ADMIN_TOKEN));
    expect(old.status).toBe(401);
    expect(await mailboxSubjects(third)).toEqual([]);
    await stopAndCheck(third, 'sigterm');
  });

  it('stops every child process on Ctrl-C (SIGINT to the process group) and exits 0', async () => {
    const stack = await startStackForTest();
    dataDirs.add(stack.dataDir);
    await stopAndCheck(stack, 'ctrl-c');
    expect(stack.output()).toContain('已停止 / stopped');
  });
});
