/**
 * Issue 3 end to end, over HTTP against the local stack: submit → warnings → return → revise →
 * candidate → edited; the unit sees the diff; the history shows every step; an urgent item's
 * alert lands in the local mailbox in readable Chinese.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { startStackForTest } from '../support/local-stack';

type Stack = Awaited<ReturnType<typeof startStackForTest>>;
let stack: Stack;
let otherReporter = '';
const call = apiClient(() => stack.urls.api);

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function draft(overrides: Record<string, unknown> = {}) {
  return {
    title: '某区召开安全生产工作会议',
    body: '近日，区政府召开全区安全生产工作会议。会议传达学习了上级有关文件精神，会议强调要提高认识，压实责任，确保全区安全生产形势稳定。区有关部门负责同志参加会议。',
    eventDate: today,
    urgency: 'normal',
    openness: 'public',
    secrecy: 'non-secret',
    approver: '张建国',
    author: { name: '李晓梅', phone: '0536-8201234' },
    ...overrides,
  };
}

const submit = (body: object, key: string = randomUUID(), token = stack.tokens.REPORTER_TOKEN) =>
  call('POST', '/items', { token, json: body, headers: { 'idempotency-key': key } });

beforeAll(async () => {
  stack = await startStackForTest();
  const issued = await call('POST', '/tokens', {
    token: stack.tokens.ADMIN_TOKEN,
    json: { role: 'reporter', unitId: 'qingzhou', label: '青州 信息员' },
  });
  otherReporter = String(issued.body.token);
});

afterAll(async () => {
  await stack?.stop();
});

describe('submissions and review through the local stack', () => {
  it('walks submit → warnings → return → revise → candidate → edited, with diff and history', async () => {
    const editor = stack.tokens.EDITOR_TOKEN;
    const submitted = await submit(draft());
    expect(submitted.body).toMatchObject({ status: 'submitted' });
    expect(submitted.status).toBe(201);
    const codes = (submitted.body.findings as { code: string }[]).map((finding) => finding.code);
    expect(codes).toEqual(expect.arrayContaining(['VAGUE_TIME', 'MEETING_ONLY']));
    const itemId = String(submitted.body.itemId);

    const queue = await call('GET', '/items?status=submitted&hasWarnings=true', { token: editor });
    expect((queue.body.items as { itemId: string }[]).map((entry) => entry.itemId)).toContain(itemId);

    const noComment = await call('POST', `/items/${itemId}/decision`, {
      token: editor,
      json: { decision: 'return', version: 1 },
    });
    expect(noComment.status).toBe(422);
    const returned = await call('POST', `/items/${itemId}/decision`, {
      token: editor,
      json: { decision: 'return', version: 1, comment: '请写明具体日期和会议取得的实际成效' },
    });
    expect(returned.body).toMatchObject({ status: 'returned', version: 2 });

    const revisedBody = draft({
      title: '某区开展安全生产大检查整改隐患119处',
      body: '11月20日至24日，某区组织开展安全生产大检查，共检查企业86家，排查隐患126处，已整改119处，整改率94.4%，对3家企业依法立案处罚。',
      version: 2,
    });
    const { secrecy: _s, ...reviseFields } = revisedBody;
    const revised = await call('POST', `/items/${itemId}/revise`, {
      token: stack.tokens.REPORTER_TOKEN,
      json: { ...reviseFields, secrecy: 'non-secret' },
    });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ status: 'submitted', version: 3 });
    expect((revised.body.revisions as { title: string }[])[0]?.title).toBe('某区召开安全生产工作会议');

    const candidate = await call('POST', `/items/${itemId}/decision`, {
      token: editor,
      json: { decision: 'candidate', version: 3 },
    });
    expect(candidate.body).toMatchObject({ status: 'candidate' });
    const edited = await call('PUT', `/items/${itemId}/edit`, {
      token: editor,
      json: {
        title: '某区安全生产大检查整改隐患119处',
        body: '11月20日至24日，某区开展安全生产大检查，检查企业86家，排查隐患126处，整改119处，整改率94.4%。',
        version: 4,
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '某区开展安全生产大检查整改隐患119处', version: 5 });

    const diff = await call('GET', `/items/${itemId}/diff`, { token: stack.tokens.REPORTER_TOKEN });
    expect(diff.body.basis).toBe('edited');
    const removed = (diff.body.title as { op: string; text: string }[]).filter(
      (part) => part.op === 'removed',
    );
    expect(removed.map((part) => part.text).join('')).toContain('开展');

    const history = await call('GET', `/items/${itemId}/history`, { token: stack.tokens.REPORTER_TOKEN });
    const steps = (history.body.events as { action: string; to?: string }[]).map(
      (event) => `${event.action}:${event.to}`,
    );
    expect(steps).toEqual([
      'submit:submitted',
      'decide:returned',
      'revise:submitted',
      'decide:candidate',
      'edit:candidate',
    ]);

    const foreign = await call('GET', `/items/${itemId}`, { token: otherReporter });
    expect(foreign.status).toBe(404);
    const foreignDiff = await call('GET', `/items/${itemId}/diff`, { token: otherReporter });
    expect(foreignDiff.status).toBe(404);
  });

  it('stores one item for a retried POST and refuses the same key with another body', async () => {
    const key = randomUUID();
    const body = draft({
      title: '某区新增城镇就业岗位1200个',
      body: '今年以来，某区新增城镇就业1200人，完成年度目标的108%，发放创业担保贷款3200万元。',
    });
    const first = await submit(body, key);
    const second = await submit(body, key);
    expect(second.status).toBe(first.status);
    expect(second.body.itemId).toBe(first.body.itemId);
    const other = await submit({ ...body, title: '另一篇完全不同的稿件标题' }, key);
    expect(other.status).toBe(422);
    expect(other.body.error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const mine = await call('GET', '/items?limit=100', { token: stack.tokens.REPORTER_TOKEN });
    const titles = (mine.body.items as { title: string }[]).map((entry) => entry.title);
    expect(titles.filter((title) => title === '某区新增城镇就业岗位1200个')).toHaveLength(1);
    const missingKey = await call('POST', '/items', { token: stack.tokens.REPORTER_TOKEN, json: body });
    expect(missingKey.status).toBe(400);
    expect(missingKey.body.error?.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('refuses secret-marked text, future dates and unknown fields, storing nothing', async () => {
    const before = (await call('GET', '/items?limit=100', { token: stack.tokens.REPORTER_TOKEN })).body
      .items as unknown[];
    const secret = await submit(
      draft({ body: '机密★1年 关于某项工作的情况通报，请各单位严格执行，不得外传。'.repeat(2) }),
    );
    expect(secret.status).toBe(422);
    expect(secret.body.error?.code).toBe('SECRECY_REFUSED');
    expect(secret.body.error?.message).toContain('机密');
    const future = await submit(draft({ eventDate: '2099-01-01' }));
    expect(future.status).toBe(400);
    const smuggled = await submit(draft({ status: 'adopted', unitId: 'qingzhou' }));
    expect(smuggled.status).toBe(400);
    expect(smuggled.body.error?.details?.map((detail) => detail.path)).toEqual(
      expect.arrayContaining(['status', 'unitId']),
    );
    const after = (await call('GET', '/items?limit=100', { token: stack.tokens.REPORTER_TOKEN })).body
      .items as unknown[];
    expect(after.length).toBe(before.length);
  });

  it('answers a precheck with hints and stores nothing', async () => {
    const before = (await call('GET', '/items?limit=100', { token: stack.tokens.REPORTER_TOKEN })).body
      .items as unknown[];
    const precheck = await call('POST', '/items/precheck', {
      token: stack.tokens.REPORTER_TOKEN,
      json: draft(),
    });
    expect(precheck.status).toBe(200);
    expect((precheck.body.findings as { code: string }[]).map((finding) => finding.code)).toContain(
      'VAGUE_TIME',
    );
    const after = (await call('GET', '/items?limit=100', { token: stack.tokens.REPORTER_TOKEN })).body
      .items as unknown[];
    expect(after.length).toBe(before.length);
  });

  it('applies exactly one of 50 concurrent decisions on one item', async () => {
    const created = await submit(
      draft({
        title: '某区农村人居环境整治完成改厕3200户',
        body: '11月，某区完成农村改厕3200户，新建污水管网46公里，村庄保洁覆盖率达到100%。',
      }),
    );
    const itemId = String(created.body.itemId);
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        call('POST', `/items/${itemId}/decision`, {
          token: stack.tokens.EDITOR_TOKEN,
          json: { decision: index % 2 ? 'reserve' : 'candidate', version: 1 },
        }),
      ),
    );
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(1);
    expect(replies.filter((reply) => reply.status === 409)).toHaveLength(49);
    const history = await call('GET', `/items/${itemId}/history`, { token: stack.tokens.EDITOR_TOKEN });
    expect((history.body.events as unknown[]).length).toBe(2);
  });

  it('mails the duty recipients at once about an urgent item, in readable Chinese', async () => {
    const configured = await call('PUT', '/settings/duty-recipients', {
      token: stack.tokens.ADMIN_TOKEN,
      json: { recipients: [{ name: '值班室', email: 'duty@example.gov.cn' }] },
    });
    expect(configured.status).toBe(200);
    const urgent = await submit(
      draft({
        urgency: 'important',
        title: '某区一化工企业发生火情已扑灭无人员伤亡',
        body: `${today}凌晨2时许，某区化工园区一企业仓库发生火情，消防救援力量于2时40分将明火扑灭，无人员伤亡，起火原因正在调查。`,
      }),
    );
    expect(urgent.status).toBe(201);
    let found = '';
    for (let attempt = 0; attempt < 40 && !found; attempt += 1) {
      const store = await fetch(`${stack.urls.mailbox}/store`).then((response) => response.text());
      if (store.includes('化工企业发生火情')) found = store;
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(found).toContain('重要紧急信息');
    expect(found).toContain('duty@example.gov.cn');
  });
});
