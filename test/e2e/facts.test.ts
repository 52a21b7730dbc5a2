import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { showStackErrorsOnFailure, submitItem } from '../support/e2e';
import { startStackForTest } from '../support/local-stack';

type Stack = Awaited<ReturnType<typeof startStackForTest>>;
let stack: Stack;
const call = apiClient(() => stack.urls.api);
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const month = today.slice(0, 7);
const year = Number(today.slice(0, 4));
const editor = () => stack.tokens.EDITOR_TOKEN;

beforeAll(async () => {
  stack = await startStackForTest();
});

showStackErrorsOnFailure(() => stack.output());

afterAll(async () => {
  await stack?.stop();
});

const submit = (title: string, body: string) =>
  submitItem(call, stack.tokens.REPORTER_TOKEN, { title, body });

describe('upper-level facts and their scores', () => {
  let itemId = '';
  let pendingItem = '';
  let instructionId = '';

  it('publishes an adopted item in a bulletin', async () => {
    itemId = await submit(
      '潍城区桃花村发展乡村旅游带动增收',
      '11月，潍城区桃花村接待游客3.2万人次，带动村民人均增收1800元，新增民宿12家。',
    );
    pendingItem = await submit(
      '潍城区开展冬季安全生产大检查',
      '潍城区组织开展冬季安全生产大检查，排查隐患126处，已整改119处，整改率94.4%。',
    );
    const decided = await call('POST', `/items/${itemId}/decision`, {
      token: editor(),
      json: { decision: 'candidate', version: 1 },
    });
    expect(decided.status).toBe(200);
    const created = await call('POST', '/bulletins', {
      token: editor(),
      json: { seriesId: 'zwxx', itemIds: [itemId] },
    });
    expect(created.status).toBe(201);
    const bulletinId = String(created.body.bulletinId);
    const published = await call('POST', `/bulletins/${bulletinId}/publish`, {
      token: editor(),
      json: { version: 1, signer: '刘秘书长' },
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', number: 1 });
  });

  it('records the forwarding once, and an upper-level adoption scored with the multiplier', async () => {
    const forwarded = await call('POST', `/items/${itemId}/forwarded`, {
      token: editor(),
      json: { date: today },
    });
    expect(forwarded.status).toBe(201);
    const again = await call('POST', `/items/${itemId}/forwarded`, {
      token: editor(),
      json: { date: today },
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('ALREADY_FORWARDED');

    const unknown = await call('POST', `/items/${itemId}/upper-adoptions`, {
      token: editor(),
      json: { publicationId: 'no-such-paper', date: today },
    });
    expect(unknown.status).toBe(422);
    const notAdopted = await call('POST', `/items/${pendingItem}/upper-adoptions`, {
      token: editor(),
      json: { publicationId: 'province-zwxx', date: today },
    });
    expect(notAdopted.status).toBe(422);
    expect(notAdopted.body.error?.code).toBe('NOT_ADOPTED');

    const upper = await call('POST', `/items/${itemId}/upper-adoptions`, {
      token: editor(),
      json: { publicationId: 'province-zwxx', date: today },
    });
    expect(upper.status).toBe(201);
    expect(upper.body).toMatchObject({ forwardedThroughCity: true, itemPoints: 12 });
    const twice = await call('POST', `/items/${itemId}/upper-adoptions`, {
      token: editor(),
      json: { publicationId: 'province-zwxx', date: today },
    });
    expect(twice.status).toBe(409);
    const byReporter = await call('POST', `/items/${itemId}/upper-adoptions`, {
      token: stack.tokens.REPORTER_TOKEN,
      json: { publicationId: 'province-szzb', date: today },
    });
    expect(byReporter.status).toBe(403);
  });

  it('records a 批示 only on an adopted item, and the unit feedback once, not before the 批示', async () => {
    const refused = await call('POST', `/items/${pendingItem}/instructions`, {
      token: editor(),
      headers: { 'idempotency-key': randomUUID() },
      json: { leader: '王市长', level: 'city', date: today, text: '请阅。', feedbackDue: today },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe('NOT_ADOPTED');
    const recorded = await call('POST', `/items/${itemId}/instructions`, {
      token: editor(),
      headers: { 'idempotency-key': randomUUID() },
      json: {
        leader: '王市长',
        level: 'city',
        date: today,
        text: '此件很好，请各县市区学习借鉴。',
        feedbackDue: today,
      },
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ level: 'city', feedbackStatus: 'pending' });
    instructionId = String(recorded.body.instructionId);

    const early = await call('POST', `/items/${itemId}/instructions/${instructionId}/feedback`, {
      token: stack.tokens.REPORTER_TOKEN,
      json: { date: `${year - 1}-12-31` },
    });
    expect(early.status).toBe(422);
    expect(early.body.error?.code).toBe('FEEDBACK_BEFORE_INSTRUCTION');
    const feedback = await call('POST', `/items/${itemId}/instructions/${instructionId}/feedback`, {
      token: stack.tokens.REPORTER_TOKEN,
      json: { date: today },
    });
    expect(feedback.status).toBe(200);
    expect(feedback.body).toMatchObject({ feedbackDate: today, feedbackStatus: 'on-time' });
    const second = await call('POST', `/items/${itemId}/instructions/${instructionId}/feedback`, {
      token: editor(),
      json: { date: today },
    });
    expect(second.status).toBe(409);

    const facts = await call('GET', `/items/${itemId}/facts`, { token: stack.tokens.REPORTER_TOKEN });
    expect(facts.status).toBe(200);
    expect(facts.body).toMatchObject({
      forwarded: { date: today },
      upperAdoptions: [{ publicationId: 'province-zwxx', date: today }],
      instructions: [{ instructionId, leader: '王市长', feedbackStatus: 'on-time' }],
    });
    const history = await call('GET', `/items/${itemId}/history`, { token: editor() });
    const actions = (history.body.events as { action: string }[]).map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining(['forward', 'upper-adopt', 'instruction', 'instruction-feedback']),
    );
  });

  it("explains the points in the unit's ledger, and the ranking counts and sums the same", async () => {
    const ledger = await call('GET', `/units/weicheng/ledger?period=${month}`, {
      token: stack.tokens.REPORTER_TOKEN,
    });
    expect(ledger.status).toBe(200);
    const lines = ledger.body.lines as { reason: string; points: number; rule: string; refId: string }[];
    const reasons = lines.map((line) => line.reason);
    expect(reasons).toContain(`《政务信息》${year}年第1期采用 +3`);
    expect(reasons).toContain('省政府《政务信息》采用（经市政府办公室报送 ×1.2）+12');
    expect(reasons).toContain('市领导王市长批示 +5');
    const sum = Math.round(lines.reduce((total, line) => total + line.points * 100, 0)) / 100;
    expect(sum).toBe(20);
    expect(ledger.body.total).toBe(sum);

    const ranking = await call('GET', `/rankings?period=${month}&class=county`, {
      token: stack.tokens.LEADER_TOKEN,
    });
    expect(ranking.status).toBe(200);
    const [county] = ranking.body.rankings as {
      rows: { unitId: string; upperAdopted: number; instructions: number; points: number }[];
    }[];
    expect(county?.rows.find((row) => row.unitId === 'weicheng')).toMatchObject({
      upperAdopted: 1,
      instructions: 1,
      points: sum,
    });
  });

  it('adds the year up exactly in the annual statistics, for the city and the unit', async () => {
    const year = Number(today.slice(0, 4));
    const stats = await call('GET', `/statistics/${year}`, { token: stack.tokens.LEADER_TOKEN });
    expect(stats.status).toBe(200);
    // Two items submitted, one issue of 《政务信息》 with one item, one province adoption, one city 批示.
    expect(stats.body.city).toMatchObject({
      received: 2,
      issues: 1,
      issuesBySeries: { zwxx: 1 },
      itemsInIssues: 1,
      upperAdopted: 1,
      upperByPublication: { 'province-zwxx': 1 },
      instructions: 1,
      instructionsByLevel: { city: 1 },
    });
    const units = stats.body.units as { unitId: string; received: number; adopted: number }[];
    expect(units.find((unit) => unit.unitId === 'weicheng')).toMatchObject({ received: 2, adopted: 1 });
    const future = await call('GET', `/statistics/${year + 1}`, { token: stack.tokens.LEADER_TOKEN });
    expect(future.body.error?.code).toBe('PERIOD_IN_FUTURE');
  });
});
