/**
 * 约稿 end to end over HTTP against the local stack: an editor commissions two units, one answers
 * in time, another unit's reporter trying to answer gets 422, the editor sees answered and pending,
 * and each unit sees only its own row.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { startStackForTest } from '../support/local-stack';

type Stack = Awaited<ReturnType<typeof startStackForTest>>;
let stack: Stack;
const call = apiClient(() => stack.urls.api);

const reporters = new Map<string, string>();
let units: string[] = [];

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

function answer(commissionId: string, title: string) {
  return {
    title,
    body: '入冬以来，本地新建改造供热管网12公里，新增供暖面积46万平方米，供暖投诉同比下降38%，群众满意度明显提升。',
    eventDate: today,
    urgency: 'normal',
    openness: 'public',
    secrecy: 'non-secret',
    approver: '张建国',
    author: { name: '李晓梅', phone: '0536-8201234' },
    commissionId,
  };
}

const submit = (token: string, body: object) =>
  call('POST', '/items', { token, json: body, headers: { 'idempotency-key': randomUUID() } });

beforeAll(async () => {
  stack = await startStackForTest();
  const listed = await call('GET', '/units?active=true', { token: stack.tokens.EDITOR_TOKEN });
  const own = stack.tokens.REPORTER_UNIT;
  const others = (listed.body.units as { id: string }[]).map((unit) => unit.id).filter((id) => id !== own);
  units = [own, ...others.slice(0, 2)];
  reporters.set(own, stack.tokens.REPORTER_TOKEN);
  for (const unitId of units.slice(1)) {
    const issued = await call('POST', '/tokens', {
      token: stack.tokens.ADMIN_TOKEN,
      json: { role: 'reporter', unitId, label: `${unitId} 信息员` },
    });
    reporters.set(unitId, String(issued.body.token));
  }
});

afterAll(async () => {
  await stack?.stop();
});

const tokenOf = (unitId: string | undefined) => reporters.get(unitId ?? '') ?? '';

describe('commissions through the local stack', () => {
  it('commissions two units; one answers in time, a unit not asked is refused, the editor sees both', async () => {
    const editor = stack.tokens.EDITOR_TOKEN;
    const [asked, alsoAsked, notAsked] = units;
    expect(notAsked).toBeDefined();

    const past = await call('POST', '/commissions', {
      token: editor,
      json: {
        topic: '冬季供暖保障情况',
        requirements: '',
        deadline: inDays(-1),
        unitIds: [asked, alsoAsked],
      },
    });
    expect(past.status).toBe(400);
    expect(past.body.error?.message).toMatch(/截止时间/);

    const byReporter = await call('POST', '/commissions', {
      token: tokenOf(asked),
      json: { topic: '冬季供暖保障情况', requirements: '', deadline: inDays(3), unitIds: 'all' },
    });
    expect(byReporter.status).toBe(403);

    const created = await call('POST', '/commissions', {
      token: editor,
      json: {
        topic: '冬季供暖保障情况',
        requirements: '请报送供暖保障的具体措施、数据和成效，不要只写会议。',
        deadline: inDays(3),
        unitIds: [alsoAsked, asked],
      },
    });
    expect(created.status).toBe(201);
    const commissionId = String(created.body.commissionId);
    expect(created.body).toMatchObject({ open: true, unitCount: 2, counts: { pending: 2 } });

    const answered = await submit(tokenOf(asked), answer(commissionId, '某地冬季供暖保障有力有序'));
    expect(answered.status).toBe(201);
    const again = await submit(tokenOf(asked), answer(commissionId, '某地供暖投诉同比下降38%'));
    expect(again.status).toBe(201);

    const refused = await submit(tokenOf(notAsked), answer(commissionId, '某地冬季供暖保障情况良好'));
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe('COMMISSION_NOT_FOR_UNIT');
    const notAskedItems = await call('GET', `/items?unitId=${notAsked}`, { token: tokenOf(notAsked) });
    expect(notAskedItems.body.items).toEqual([]);

    const seen = await call('GET', `/commissions/${commissionId}`, { token: editor });
    expect(seen.status).toBe(200);
    const rows = seen.body.units as { unitId: string; status: string; itemId?: string; onTime?: boolean }[];
    expect(rows.find((row) => row.unitId === asked)).toMatchObject({
      status: 'answered',
      itemId: answered.body.itemId,
      onTime: true,
    });
    expect(rows.find((row) => row.unitId === alsoAsked)).toMatchObject({ status: 'pending' });
    expect(seen.body.counts).toEqual({ pending: 1, answered: 1, late: 0, missed: 0 });

    const leaderList = await call('GET', '/commissions', { token: stack.tokens.LEADER_TOKEN });
    expect((leaderList.body.commissions as { commissionId: string }[]).map((c) => c.commissionId)).toContain(
      commissionId,
    );

    const own = await call('GET', `/units/${asked}/commissions`, { token: tokenOf(asked) });
    expect(own.status).toBe(200);
    expect(own.body.commissions).toEqual([
      expect.objectContaining({
        commissionId,
        unit: expect.objectContaining({ unitId: asked, status: 'answered' }),
      }),
    ]);
    const none = await call('GET', `/units/${notAsked}/commissions`, { token: tokenOf(notAsked) });
    expect(none.body.commissions).toEqual([]);
    const foreign = await call('GET', `/units/${asked}/commissions`, { token: tokenOf(notAsked) });
    expect(foreign.status).toBe(404);
    const direct = await call('GET', `/commissions/${commissionId}`, { token: tokenOf(notAsked) });
    expect(direct.status).toBe(403);
  });
});
