/**
 * 草稿 and 站内消息 over HTTP against the local stack, signed in as people (cognito-local): drafts
 * are the person's own and never counted; submitting one twice at once stores one item; a return,
 * a new 约稿 reach the unit's people as messages with an unread count, once however often retried;
 * staff who are not recipients see none.
 */
import { randomUUID } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageMailDeps } from '../../../functions/jobs/message-mail/deps';
import { sendMessageMail } from '../../../functions/jobs/message-mail/use-case';
import { localCredentials, localRegion } from '../../../infra/local/aws';
import { localNames } from '../../../infra/local/env';
import { documentClient } from '../../../shared/store/dynamo/client';
import type { RenderedMail } from '../../../shared/store/ses/mail-sender';
import { apiClient, type Reply } from '../../support/api';
import { showStackErrorsOnFailure, todayInShanghai } from '../../support/e2e';
import { startStackForTest, type TestStack } from '../../support/local-stack';

let stack: TestStack;
let cognito: CognitoIdentityProviderClient;
const call = apiClient(() => stack.urls.api);
/** Access tokens of the demo 信息员 and 单位管理员 of 潍城区 (people, not `xb_` tokens). */
let reporter = '';
let unitAdmin = '';

async function signIn(role: 'REPORTER' | 'UNIT_ADMIN'): Promise<string> {
  const started = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: stack.env.USER_POOL_CLIENT_ID,
      AuthParameters: {
        USERNAME: stack.accounts[`${role}_USERNAME`],
        PASSWORD: stack.accounts[`${role}_PASSWORD`],
      },
    }),
  );
  const token = started.AuthenticationResult?.AccessToken;
  if (!token) throw new Error(`${role} got no access token (${started.ChallengeName ?? 'no challenge'})`);
  return token;
}

const fullText = (title: string) => ({
  title,
  body: `11月20日，${title}，全区排查隐患126处，已整改119处，整改率94.4%，群众满意度明显提升。`,
  eventDate: todayInShanghai(),
  urgency: 'normal',
  openness: 'public',
  secrecy: 'non-secret',
  approver: '张建国',
  author: { name: '李晓梅', phone: '0536-8201234' },
});

const expectStatus = (reply: Reply, status: number) =>
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);

async function unread(token: string): Promise<number> {
  const reply = await call('GET', '/messages/unread-count', { token });
  expectStatus(reply, 200);
  return Number(reply.body.unread);
}

beforeAll(async () => {
  stack = await startStackForTest({ timeoutMs: 60_000 });
  cognito = new CognitoIdentityProviderClient({
    endpoint: stack.env.COGNITO_ENDPOINT ?? stack.urls.cognito,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  [reporter, unitAdmin] = await Promise.all([signIn('REPORTER'), signIn('UNIT_ADMIN')]);
}, 120_000);

afterAll(async () => {
  cognito?.destroy();
  await stack?.stop();
});

showStackErrorsOnFailure(() => stack.output());

describe('drafts (草稿) of a signed-in person', () => {
  it('keeps a draft for its person only, refuses a secret one, and versions every save', async () => {
    const created = await call('POST', '/drafts', { token: reporter, json: { title: '潍城区冬季供暖' } });
    expectStatus(created, 201);
    expect(created.body).toMatchObject({ title: '潍城区冬季供暖', version: 1 });
    const draftId = String(created.body.draftId);

    const secret = await call('POST', '/drafts', {
      token: reporter,
      json: { title: '供暖工作安排', body: '机密★一年 本文件内容如下' },
    });
    expectStatus(secret, 422);
    expect(secret.body.error).toMatchObject({ code: 'SECRECY_REFUSED' });
    expect(secret.body.error?.message).toContain('机密');

    const list = await call('GET', '/drafts', { token: reporter });
    expectStatus(list, 200);
    expect((list.body.drafts as { title: string }[]).map((entry) => entry.title)).toEqual(['潍城区冬季供暖']);

    const saved = await call('PUT', `/drafts/${draftId}`, {
      token: reporter,
      json: { ...fullText('潍城区冬季供暖保障有力有序'), version: 1 },
    });
    expectStatus(saved, 200);
    expect(saved.body).toMatchObject({ version: 2, urgency: 'normal' });
    const stale = await call('PUT', `/drafts/${draftId}`, {
      token: reporter,
      json: { title: '另一台电脑上的旧版本', version: 1 },
    });
    expectStatus(stale, 409);
    expect(stale.body.error?.code).toBe('VERSION_CONFLICT');

    // The unit's other person does not see, change or submit it: not found, nothing revealed.
    for (const [method, path] of [
      ['GET', `/drafts/${draftId}`],
      ['DELETE', `/drafts/${draftId}`],
      ['POST', `/drafts/${draftId}/submit`],
    ] as const) {
      const reply = await call(method, path, { token: unitAdmin });
      expectStatus(reply, 404);
      expect(reply.body.error?.code).toBe('DRAFT_NOT_FOUND');
      expect(JSON.stringify(reply.body)).not.toContain('供暖');
    }
    expect((await call('GET', '/drafts', { token: unitAdmin })).body.drafts).toEqual([]);

    const deleted = await call('DELETE', `/drafts/${draftId}`, { token: reporter });
    expectStatus(deleted, 200);
    expectStatus(await call('GET', `/drafts/${draftId}`, { token: reporter }), 404);
  });

  it('says which fields a draft still lacks when it is submitted, and stores nothing', async () => {
    const created = await call('POST', '/drafts', { token: reporter, json: { title: '半成品稿件标题' } });
    const draftId = String(created.body.draftId);
    const before = await call('GET', '/items?limit=100', { token: reporter });
    const refused = await call('POST', `/drafts/${draftId}/submit`, { token: reporter });
    expectStatus(refused, 400);
    expect(refused.body.error?.code).toBe('VALIDATION_FAILED');
    const paths = ((refused.body.error?.details ?? []) as { path: string }[]).map((detail) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['body', 'eventDate', 'urgency', 'secrecy']));
    const after = await call('GET', '/items?limit=100', { token: reporter });
    expect((after.body.items as unknown[]).length).toBe((before.body.items as unknown[]).length);
    expectStatus(await call('GET', `/drafts/${draftId}`, { token: reporter }), 200);
  });

  it('stores one item for a double click on 报送, answers a later retry with it, and lists the draft no more', async () => {
    const title = `潍城区开展安全生产大检查${randomUUID().slice(0, 4)}`;
    const created = await call('POST', '/drafts', { token: reporter, json: fullText(title) });
    expectStatus(created, 201);
    const draftId = String(created.body.draftId);
    const [one, two] = await Promise.all([
      call('POST', `/drafts/${draftId}/submit`, { token: reporter }),
      call('POST', `/drafts/${draftId}/submit`, { token: reporter }),
    ]);
    // The second click is answered with the first item, or told the first is still in progress.
    const answered = [one, two].filter((reply) => reply.status === 201);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    for (const reply of [one, two]) expect([201, 409]).toContain(reply.status);
    const itemIds = new Set(answered.map((reply) => String(reply.body.itemId)));
    expect(itemIds.size).toBe(1);
    const [itemId] = [...itemIds];
    expect(answered[0]?.body).toMatchObject({ title, status: 'submitted' });

    const retried = await call('POST', `/drafts/${draftId}/submit`, { token: reporter });
    expectStatus(retried, 201);
    expect(retried.body.itemId).toBe(itemId);

    const items = await call('GET', '/items?limit=100', { token: reporter });
    expect((items.body.items as { title: string }[]).filter((item) => item.title === title)).toHaveLength(1);
    const drafts = await call('GET', '/drafts', { token: reporter });
    expect((drafts.body.drafts as { draftId: string }[]).map((entry) => entry.draftId)).not.toContain(
      draftId,
    );
    expectStatus(await call('GET', `/drafts/${draftId}`, { token: reporter }), 404);
  });
});

describe('messages (站内消息) for the people of the unit concerned', () => {
  it('tells the unit’s people of a return with the comment, once, and counts what they have not read', async () => {
    const editor = stack.tokens.EDITOR_TOKEN;
    const [reporterBefore, adminBefore] = [await unread(reporter), await unread(unitAdmin)];
    const submitted = await call('POST', '/items', {
      token: reporter,
      json: fullText('潍城区推进老旧小区改造'),
      headers: { 'idempotency-key': randomUUID() },
    });
    expectStatus(submitted, 201);
    const itemId = String(submitted.body.itemId);
    const decision = { decision: 'return', version: 1, comment: '请补充改造户数和资金投入' };
    expectStatus(await call('POST', `/items/${itemId}/decision`, { token: editor, json: decision }), 200);
    // The editor's retry of the same decision is refused (the item moved on) and adds no message.
    expectStatus(await call('POST', `/items/${itemId}/decision`, { token: editor, json: decision }), 409);

    expect(await unread(reporter)).toBe(reporterBefore + 1);
    expect(await unread(unitAdmin)).toBe(adminBefore + 1);
    const list = await call('GET', '/messages?unread=true', { token: reporter });
    expectStatus(list, 200);
    const returned = (
      list.body.messages as { kind: string; itemId?: string; messageId: string; text: string }[]
    ).filter((message) => message.itemId === itemId);
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({
      kind: 'item-returned',
      title: '稿件被退回修改：潍城区推进老旧小区改造',
    });
    expect(returned[0]?.text).toContain('请补充改造户数和资金投入');
    const messageId = String(returned[0]?.messageId);

    const read = await call('POST', `/messages/${messageId}/read`, { token: reporter });
    expectStatus(read, 200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const again = await call('POST', `/messages/${messageId}/read`, { token: reporter });
    expect(again.body.readAt).toBe(read.body.readAt);
    expect(await unread(reporter)).toBe(reporterBefore);
    // Reading one's own copy leaves the other person's unread.
    expect(await unread(unitAdmin)).toBe(adminBefore + 1);
    const unreadNow = await call('GET', '/messages?unread=true', { token: reporter });
    expect((unreadNow.body.messages as { messageId: string }[]).map((m) => m.messageId)).not.toContain(
      messageId,
    );

    // Staff get messages only as recipients: the editor has none; an unknown id is not found.
    expect(await unread(editor)).toBe(0);
    expect((await call('GET', '/messages', { token: editor })).body.messages).toEqual([]);
    const foreign = await call('POST', `/messages/${messageId}/read`, { token: editor });
    expectStatus(foreign, 404);
    expect(foreign.body.error?.code).toBe('MESSAGE_NOT_FOUND');
  });

  it('tells the asked unit’s people of a new 约稿, and read-all clears the count', async () => {
    const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const created = await call('POST', '/commissions', {
      token: stack.tokens.EDITOR_TOKEN,
      json: {
        topic: '冬季供暖保障工作',
        requirements: '请报送本单位冬季供暖保障的做法和成效，600字以内。',
        deadline,
        unitIds: [stack.tokens.REPORTER_UNIT],
      },
    });
    expectStatus(created, 201);
    const commissionId = String(created.body.commissionId);
    const list = await call('GET', '/messages', { token: unitAdmin });
    const about = (list.body.messages as { kind: string; commissionId?: string; title: string }[]).filter(
      (message) => message.commissionId === commissionId,
    );
    expect(about).toEqual([
      expect.objectContaining({ kind: 'commission-new', title: '新约稿：冬季供暖保障工作' }),
    ]);

    const count = await unread(unitAdmin);
    expect(count).toBeGreaterThan(0);
    const all = await call('POST', '/messages/read-all', { token: unitAdmin });
    expectStatus(all, 200);
    expect(all.body.marked).toBe(count);
    expect(await unread(unitAdmin)).toBe(0);
  });

  it('tells the unit’s people an item was adopted, naming the issue (第N期)', async () => {
    const editor = stack.tokens.EDITOR_TOKEN;
    const submitted = await call('POST', '/items', {
      token: reporter,
      json: fullText('潍城区优化营商环境成效明显'),
      headers: { 'idempotency-key': randomUUID() },
    });
    const itemId = String(submitted.body.itemId);
    expectStatus(
      await call('POST', `/items/${itemId}/decision`, {
        token: editor,
        json: { decision: 'candidate', version: 1 },
      }),
      200,
    );
    const created = await call('POST', '/bulletins', {
      token: editor,
      json: { seriesId: 'zwxx', itemIds: [itemId] },
    });
    expectStatus(created, 201);
    const published = await call('POST', `/bulletins/${String(created.body.bulletinId)}/publish`, {
      token: editor,
      json: { version: Number(created.body.version), signer: '刘秘书长' },
    });
    expectStatus(published, 200);
    const list = await call('GET', '/messages?unread=true', { token: unitAdmin });
    const adopted = (
      list.body.messages as { kind: string; itemId?: string; text: string; bulletinId?: string }[]
    ).filter((message) => message.itemId === itemId);
    expect(adopted).toEqual([
      expect.objectContaining({ kind: 'item-adopted', bulletinId: String(created.body.bulletinId) }),
    ]);
    expect(adopted[0]?.text).toContain(`第${String(published.body.number)}期`);
  });

  it('pages through messages newest first with a cursor, and refuses a made-up cursor', async () => {
    const first = await call('GET', '/messages?limit=1', { token: reporter });
    expectStatus(first, 200);
    expect(first.body.messages).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call('GET', `/messages?limit=1&cursor=${first.body.nextCursor}`, {
      token: reporter,
    });
    expectStatus(second, 200);
    const [a] = first.body.messages as { createdAt: string; messageId: string }[];
    const [b] = second.body.messages as { createdAt: string; messageId: string }[];
    expect(b?.messageId).not.toBe(a?.messageId);
    expect(String(b?.createdAt) <= String(a?.createdAt)).toBe(true);
    const forged = Buffer.from('a:INBOX#someone-else', 'utf8').toString('base64url');
    const refused = await call('GET', `/messages?cursor=${forged}`, { token: reporter });
    expectStatus(refused, 400);
    expect(refused.body.error?.code).toBe('INVALID_CURSOR');
  });
});

describe('e-mail copies of messages (邮件抄送)', () => {
  /** The message-mail job as the scheduler runs it, on the stack's table, with the mail caught here. */
  function runJob(scheduledTime: Date) {
    const sent: { to: string; mail: RenderedMail }[] = [];
    const client = new DynamoDBClient({
      endpoint: stack.urls.dynamodb,
      region: localRegion,
      credentials: localCredentials,
    });
    const deps = messageMailDeps(
      { client: documentClient(client), tableName: localNames.table },
      {
        send: async (to, mail) => {
          sent.push({ to, mail });
          return `m-${sent.length}`;
        },
      },
    );
    return sendMessageMail(deps, scheduledTime.toISOString())
      .then((run) => ({ run, sent }))
      .finally(() => client.destroy());
  }

  /** The latest 17:00 in Beijing time that has passed: the digest run's scheduled time. */
  function lastDigestTime(): Date {
    const at = new Date();
    const local = new Date(at.getTime() + 8 * 3_600_000);
    local.setUTCHours(17, 0, 0, 0);
    const utc = new Date(local.getTime() - 8 * 3_600_000);
    return utc.getTime() <= at.getTime() ? utc : new Date(utc.getTime() - 86_400_000);
  }

  /** A run that is not the digest's (an hour before it): whatever the time of day the test runs. */
  const ordinaryTime = () => new Date(lastDigestTime().getTime() - 3_600_000);

  it('mails a return at once and the rest once a day, only to a person who asked, never twice', async () => {
    const off = await call('GET', '/messages/preferences', { token: reporter });
    expect(off.body).toMatchObject({ mailCopy: false });
    const on = await call('PUT', '/messages/preferences', { token: reporter, json: { mailCopy: true } });
    expectStatus(on, 200);
    expect((await call('GET', '/messages/preferences', { token: reporter })).body).toMatchObject({
      mailCopy: true,
    });
    // What waited from before is not mailed: only messages made after the setting.
    await runJob(ordinaryTime());

    const submitted = await call('POST', '/items', {
      token: reporter,
      json: fullText('潍城区推进城市更新行动'),
      headers: { 'idempotency-key': randomUUID() },
    });
    const itemId = String(submitted.body.itemId);
    const decision = { decision: 'return', version: 1, comment: '请补充项目数量和投资额' };
    expectStatus(
      await call('POST', `/items/${itemId}/decision`, { token: stack.tokens.EDITOR_TOKEN, json: decision }),
      200,
    );
    await call('POST', '/commissions', {
      token: stack.tokens.EDITOR_TOKEN,
      json: {
        topic: '城市更新专题',
        requirements: '请报送城市更新的做法和成效。',
        deadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
        unitIds: [stack.tokens.REPORTER_UNIT],
      },
    });

    // A run at an ordinary time: the return only, to the reporter only (the unit-admin did not ask).
    const first = await runJob(ordinaryTime());
    expect(first.sent.map((mail) => mail.to)).toEqual([`${stack.accounts.REPORTER_USERNAME}@example.gov.cn`]);
    expect(first.sent[0]?.mail.subject).toBe('【退回修改】潍城区推进城市更新行动');
    expect(first.sent[0]?.mail.text).toContain('请补充项目数量和投资额');
    expect((await runJob(ordinaryTime())).sent).toEqual([]);

    // The 17:00 run: one digest with the 约稿, once however often the run is repeated.
    const digest = await runJob(lastDigestTime());
    expect(digest.sent).toHaveLength(1);
    expect(digest.sent[0]?.mail.subject).toMatch(/^【站内消息】\d+月\d+日共\d+条$/);
    expect(digest.sent[0]?.mail.text).toContain('新约稿：城市更新专题');
    expect(digest.sent[0]?.mail.text).not.toContain('退回修改');
    expect((await runJob(lastDigestTime())).sent).toEqual([]);

    expectStatus(
      await call('PUT', '/messages/preferences', { token: reporter, json: { mailCopy: false } }),
      200,
    );
  });
});
