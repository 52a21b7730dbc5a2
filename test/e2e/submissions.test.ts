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

  it('refuses to revise an item that was not returned, and merges two units into one 综合信息', async () => {
    const mine = await submit(
      draft({
        title: '潍城区推进老旧小区改造惠及居民3100户',
        body: '今年潍城区改造老旧小区21个，惠及居民3100户，加装电梯46部，完成投资2.3亿元。',
      }),
    );
    const itemId = String(mine.body.itemId);
    const { secrecy: _s, ...fields } = draft();
    const early = await call('POST', `/items/${itemId}/revise`, {
      token: stack.tokens.REPORTER_TOKEN,
      json: { ...fields, secrecy: 'non-secret', version: 1 },
    });
    expect(early.status).toBe(409);
    expect(early.body.error?.code).toBe('NOT_RETURNED');

    const theirs = await submit(
      draft({
        title: '青州市老旧小区改造完成投资1.8亿元',
        body: '今年青州市改造老旧小区17个，惠及居民2600户，完成投资1.8亿元，群众满意率98%。',
      }),
      randomUUID(),
      otherReporter,
    );
    const merged = await call('POST', '/items/merge', {
      token: stack.tokens.EDITOR_TOKEN,
      json: {
        itemIds: [itemId, String(theirs.body.itemId)],
        title: '我市老旧小区改造惠及居民5700户',
        body: '今年潍城区、青州市共改造老旧小区38个，惠及居民5700户，完成投资4.1亿元。',
      },
    });
    expect(merged.status).toBe(201);
    expect(merged.body).toMatchObject({ status: 'candidate', unitId: 'weicheng', coUnits: ['qingzhou'] });
    const source = await call('GET', `/items/${itemId}`, { token: stack.tokens.REPORTER_TOKEN });
    expect(source.body).toMatchObject({ status: 'merged', mergedInto: merged.body.itemId });
    const coCredited = await call('GET', `/items/${String(merged.body.itemId)}`, { token: otherReporter });
    expect(coCredited.status).toBe(200);
  });

  it('takes an attachment through presigned upload, confirmation and download', async () => {
    const created = await submit(
      draft({
        title: '昌乐县蓝宝石产业园新签约项目8个',
        body: '11月，昌乐县蓝宝石产业园新签约项目8个，总投资26亿元，预计年产值40亿元。',
      }),
    );
    const itemId = String(created.body.itemId);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const upload = await call('POST', `/items/${itemId}/attachments`, {
      token: stack.tokens.REPORTER_TOKEN,
      json: { fileName: '../签约项目清单.pdf', contentType: 'application/pdf', size: pdf.length },
    });
    expect(upload.status).toBe(201);
    const { attachment, upload: target } = upload.body as {
      attachment: { attachmentId: string; fileName: string };
      upload: { url: string; headers: Record<string, string> };
    };
    expect(attachment.fileName).toBe('签约项目清单.pdf');
    const put = await fetch(target.url, { method: 'PUT', headers: target.headers, body: pdf });
    expect(put.ok).toBe(true);
    const path = `/items/${itemId}/attachments/${attachment.attachmentId}`;
    const confirmed = await call('POST', `${path}/confirm`, { token: stack.tokens.REPORTER_TOKEN });
    expect(confirmed.body).toMatchObject({ status: 'confirmed', size: pdf.length });
    const download = await call('GET', path, { token: stack.tokens.LEADER_TOKEN });
    const bytes = Buffer.from(await (await fetch(String(download.body.url))).arrayBuffer());
    expect(bytes.equals(pdf)).toBe(true);
    const foreign = await call('GET', path, { token: otherReporter });
    expect(foreign.status).toBe(404);
  });
});
