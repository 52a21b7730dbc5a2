/**
 * A small year through the local stack over HTTP: five units (three counties, two departments)
 * submit; the editor merges two units' items, publishes two issues, records the province's
 * adoptions, two 批示 and a 约稿 that one unit answers and another misses. The ranking, every
 * unit's ledger reasons and the annual statistics are then checked against figures this test
 * computes itself from the scenario and the policy in force — never from the system's own sums.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { showStackErrorsOnFailure, todayInShanghai } from '../support/e2e';
import { startStackForTest } from '../support/local-stack';

type Stack = Awaited<ReturnType<typeof startStackForTest>>;
let stack: Stack;
const call = apiClient(() => stack.urls.api);
const today = todayInShanghai();
const month = today.slice(0, 7);
const year = Number(today.slice(0, 4));

const counties = ['weicheng', 'qingzhou', 'shouguang'] as const;
const departments = ['fgw', 'jyj'] as const;
type UnitId = (typeof counties)[number] | (typeof departments)[number];
const everyUnit: UnitId[] = [...counties, ...departments];
const reporters = new Map<UnitId, string>();
const editor = () => stack.tokens.EDITOR_TOKEN;

/** The scenario's own book-keeping: what each unit should have, added up by this test. */
interface Expected {
  submitted: number;
  adopted: number;
  upperAdopted: number;
  instructions: number;
  cents: number;
  reasons: string[];
}
const expected = new Map<UnitId, Expected>(
  everyUnit.map((unit) => [
    unit,
    { submitted: 0, adopted: 0, upperAdopted: 0, instructions: 0, cents: 0, reasons: [] },
  ]),
);
const book = (unit: UnitId) => expected.get(unit) as Expected;
const cents = (points: number) => Math.round(points * 100);
const signed = (value: number) => `${value >= 0 ? '+' : '-'}${Math.abs(value) / 100}`;

interface Policy {
  version: number;
  seriesPoints: Record<string, number>;
  upperPublications: { id: string; name: string; points: number; forwardedMultiplier: number }[];
  instructionBonus: Record<'city' | 'province' | 'state', number>;
  commission: { answeredBonus: number };
}
let policy: Policy;
const seriesNames = new Map<string, string>();

function credit(units: UnitId[], total: number, reason: (share: number, note: string) => string) {
  const share = Math.round(total / units.length);
  for (const unit of units) {
    book(unit).cents += share;
    book(unit).reasons.push(
      reason(share, units.length > 1 ? `（合并信息，${units.length} 家单位平分）` : ''),
    );
  }
}

const item = (title: string, body: string, commissionId?: string) => ({
  title,
  body,
  eventDate: today,
  urgency: 'normal',
  openness: 'public',
  secrecy: 'non-secret',
  approver: '张建国',
  author: { name: '李晓梅', phone: '0536-8201234' },
  ...(commissionId ? { commissionId } : {}),
});

async function submit(unit: UnitId, title: string, body: string, commissionId?: string) {
  const reply = await call('POST', '/items', {
    token: reporters.get(unit),
    headers: { 'idempotency-key': randomUUID() },
    json: item(title, body, commissionId),
  });
  expect(reply.status).toBe(201);
  book(unit).submitted += 1;
  return String(reply.body.itemId);
}

async function candidate(itemId: string) {
  const reply = await call('POST', `/items/${itemId}/decision`, {
    token: editor(),
    json: { decision: 'candidate', version: 1 },
  });
  expect(reply.status).toBe(200);
}

async function publish(seriesId: string, entries: { itemId: string; units: UnitId[] }[]) {
  const created = await call('POST', '/bulletins', {
    token: editor(),
    json: { seriesId, itemIds: entries.map((entry) => entry.itemId) },
  });
  expect(created.status).toBe(201);
  const published = await call('POST', `/bulletins/${String(created.body.bulletinId)}/publish`, {
    token: editor(),
    json: { version: 1, signer: '刘秘书长' },
  });
  expect(published.status).toBe(200);
  const label = `《${seriesNames.get(seriesId)}》${year}年第${published.body.number}期采用`;
  for (const entry of entries) {
    for (const unit of entry.units) book(unit).adopted += 1;
    credit(entry.units, cents(policy.seriesPoints[seriesId] ?? 0), (share, note) =>
      note ? `${label}${note}${signed(share)}` : `${label} ${signed(share)}`,
    );
  }
}

async function upperAdoption(itemId: string, units: UnitId[], publicationId: string, forwarded: boolean) {
  if (forwarded) {
    const reply = await call('POST', `/items/${itemId}/forwarded`, {
      token: editor(),
      json: { date: today },
    });
    expect(reply.status).toBe(201);
  }
  const reply = await call('POST', `/items/${itemId}/upper-adoptions`, {
    token: editor(),
    json: { publicationId, date: today },
  });
  expect(reply.status).toBe(201);
  const publication = policy.upperPublications.find((entry) => entry.id === publicationId);
  if (!publication) throw new Error(`policy has no ${publicationId}`);
  const multiplier = forwarded ? publication.forwardedMultiplier : 1;
  const via = forwarded ? `（经市政府办公室报送 ×${multiplier}）` : '';
  for (const unit of units) book(unit).upperAdopted += 1;
  credit(units, Math.round(cents(publication.points) * multiplier), (share, note) =>
    via || note
      ? `${publication.name}采用${via}${note}${signed(share)}`
      : `${publication.name}采用 ${signed(share)}`,
  );
}

const levelLabels = { city: '市领导', province: '省领导', state: '国务院领导' } as const;

async function instruction(itemId: string, units: UnitId[], level: 'city' | 'province', leader: string) {
  const reply = await call('POST', `/items/${itemId}/instructions`, {
    token: editor(),
    headers: { 'idempotency-key': randomUUID() },
    json: { leader, level, date: today, text: '此件很好，请认真总结推广。', feedbackDue: today },
  });
  expect(reply.status).toBe(201);
  for (const unit of units) book(unit).instructions += 1;
  credit(units, cents(policy.instructionBonus[level]), (share, note) =>
    note
      ? `${levelLabels[level]}${leader}批示${note}${signed(share)}`
      : `${levelLabels[level]}${leader}批示 ${signed(share)}`,
  );
}

beforeAll(async () => {
  stack = await startStackForTest();
  reporters.set('weicheng', stack.tokens.REPORTER_TOKEN);
  expect(stack.tokens.REPORTER_UNIT).toBe('weicheng');
  for (const unitId of everyUnit.slice(1)) {
    const issued = await call('POST', '/tokens', {
      token: stack.tokens.ADMIN_TOKEN,
      json: { role: 'reporter', unitId, label: `${unitId} 信息员` },
    });
    expect(issued.status).toBe(201);
    reporters.set(unitId, String(issued.body.token));
  }
  const read = await call('GET', `/policy/${year}`, { token: editor() });
  policy = read.body as unknown as Policy;
  const series = await call('GET', '/series', { token: editor() });
  for (const entry of series.body.series as { seriesId: string; name: string }[])
    seriesNames.set(entry.seriesId, entry.name);
});

showStackErrorsOnFailure(() => stack.output());

afterAll(async () => {
  await stack?.stop();
});

describe('a small year, checked against figures computed by the test', () => {
  let commissionId = '';
  let deadline = 0;

  it('runs the year: submissions, a merge, two issues, province adoptions, 批示 and a 约稿', async () => {
    deadline = Date.now() + 25_000;
    const commissioned = await call('POST', '/commissions', {
      token: editor(),
      json: {
        topic: '冬季供暖保障情况',
        requirements: '请报送供暖保障的具体措施、数据和成效。',
        deadline: new Date(deadline).toISOString(),
        unitIds: ['fgw', 'jyj'],
      },
    });
    expect(commissioned.status).toBe(201);
    commissionId = String(commissioned.body.commissionId);

    const w1 = await submit(
      'weicheng',
      '潍城区桃花村发展乡村旅游带动增收',
      '11月，潍城区桃花村接待游客3.2万人次，带动村民人均增收1800元，新增民宿12家。',
    );
    await submit(
      'weicheng',
      '潍城区开展冬季安全生产大检查',
      '潍城区排查安全生产隐患126处，已整改119处，整改率94.4%，约谈企业负责人8名。',
    );
    const w3 = await submit(
      'weicheng',
      '潍城区推进老旧小区改造惠及居民3100户',
      '今年潍城区改造老旧小区21个，惠及居民3100户，加装电梯46部，完成投资2.3亿元。',
    );
    const q1 = await submit(
      'qingzhou',
      '青州市花卉产业年交易额突破百亿元',
      '今年青州市花卉交易额达102亿元，同比增长12%，带动2.6万户花农增收。',
    );
    const q2 = await submit(
      'qingzhou',
      '青州市老旧小区改造完成投资1.8亿元',
      '今年青州市改造老旧小区17个，惠及居民2600户，完成投资1.8亿元，群众满意率98%。',
    );
    await submit(
      'shouguang',
      '寿光市蔬菜种业研发取得新进展',
      '寿光市今年自主研发蔬菜新品种26个，国产蔬菜种子市场占有率提高到82%。',
    );
    const f1 = await submit(
      'fgw',
      '我市重点项目完成投资超过年度计划',
      '1至11月，全市312个重点项目完成投资1268亿元，占年度计划的106%，新开工项目148个。',
    );
    await submit(
      'fgw',
      '我市冬季供暖保障有力有序',
      '入冬以来，全市新建改造供热管网12公里，新增供暖面积46万平方米，供暖投诉同比下降38%。',
      commissionId,
    );
    book('fgw').cents += cents(policy.commission.answeredBonus);
    book('fgw').reasons.push(
      `约稿“冬季供暖保障情况”按时报送 ${signed(cents(policy.commission.answeredBonus))}`,
    );

    await candidate(w1);
    await candidate(q1);
    await candidate(f1);
    const merged = await call('POST', '/items/merge', {
      token: editor(),
      json: {
        itemIds: [w3, q2],
        title: '我市老旧小区改造惠及居民5700户',
        body: '今年潍城区、青州市共改造老旧小区38个，惠及居民5700户，完成投资4.1亿元。',
      },
    });
    expect(merged.status).toBe(201);
    const m = String(merged.body.itemId);

    await publish('zwxx', [
      { itemId: w1, units: ['weicheng'] },
      { itemId: q1, units: ['qingzhou'] },
      { itemId: m, units: ['weicheng', 'qingzhou'] },
    ]);
    await publish('mryq', [{ itemId: f1, units: ['fgw'] }]);
    await upperAdoption(w1, ['weicheng'], 'province-zwxx', true);
    await upperAdoption(m, ['weicheng', 'qingzhou'], 'province-szzb', false);
    await instruction(w1, ['weicheng'], 'city', '王市长');
    await instruction(f1, ['fgw'], 'province', '李副省长');
  });

  it('shows the 约稿 answered by one unit and missed by the other once the deadline has passed', async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now() + 1000)));
    const seen = await call('GET', `/commissions/${commissionId}`, { token: editor() });
    const rows = seen.body.units as { unitId: string; status: string; onTime?: boolean }[];
    expect(rows.find((row) => row.unitId === 'fgw')).toMatchObject({ status: 'answered', onTime: true });
    expect(rows.find((row) => row.unitId === 'jyj')).toMatchObject({ status: 'missed' });
    const overdue = await call('GET', '/reports/overdue', { token: editor() });
    expect(overdue.status).toBe(200);
    const jyj = (overdue.body.units as { unitId: string; reasons: { code: string }[] }[]).find(
      (unit) => unit.unitId === 'jyj',
    );
    expect(jyj?.reasons.map((reason) => reason.code)).toContain('COMMISSION_MISSED');
  });

  it("gives every unit a ledger whose reasons and total are the test's own", async () => {
    for (const unit of everyUnit) {
      const ledger = await call('GET', `/units/${unit}/ledger?period=${month}`, {
        token: reporters.get(unit),
      });
      expect(ledger.status).toBe(200);
      const lines = ledger.body.lines as { reason: string; points: number }[];
      expect(lines.map((line) => line.reason).sort(), unit).toEqual([...book(unit).reasons].sort());
      expect(cents(Number(ledger.body.total)), unit).toBe(book(unit).cents);
    }
  });

  it('ranks each class as the test ranks it, for the month and for the year', async () => {
    for (const period of [month, String(year)]) {
      for (const [unitClass, members] of [
        ['county', counties],
        ['department', departments],
      ] as const) {
        const reply = await call('GET', `/rankings?period=${period}&class=${unitClass}`, {
          token: stack.tokens.LEADER_TOKEN,
        });
        expect(reply.status).toBe(200);
        const [ranking] = reply.body.rankings as {
          rows: {
            unitId: string;
            submitted: number;
            adopted: number;
            upperAdopted: number;
            instructions: number;
            points: number;
            rank: number;
          }[];
        }[];
        const rows = ranking?.rows ?? [];
        // Our units are the only ones with any figure, so they take the top ranks in score order.
        const ordered = [...members].sort((a, b) => book(b).cents - book(a).cents);
        ordered.forEach((unit, index) => {
          const row = rows.find((entry) => entry.unitId === unit);
          const mine = book(unit);
          expect(row, `${period} ${unit}`).toMatchObject({
            submitted: mine.submitted,
            adopted: mine.adopted,
            upperAdopted: mine.upperAdopted,
            instructions: mine.instructions,
            points: mine.cents / 100,
          });
          if (mine.submitted > 0) expect(row?.rank, `${period} ${unit}`).toBe(index + 1);
        });
      }
    }
  });

  it('adds up the annual statistics for the city (each item once) and for every unit', async () => {
    const stats = await call('GET', `/statistics/${year}`, { token: stack.tokens.LEADER_TOKEN });
    expect(stats.status).toBe(200);
    const received = everyUnit.reduce((total, unit) => total + book(unit).submitted, 0);
    // Two issues (zwxx: W1, Q1, the merged item; mryq: F1); the province adopted W1 and the merged
    // item — two items, although the merged one credits two units; 批示 on W1 (city) and F1 (province).
    expect(stats.body.city).toMatchObject({
      received,
      issues: 2,
      issuesBySeries: { zwxx: 1, mryq: 1 },
      itemsInIssues: 4,
      upperAdopted: 2,
      upperByPublication: { 'province-zwxx': 1, 'province-szzb': 1 },
      instructions: 2,
      instructionsByLevel: { city: 1, province: 1 },
    });
    const units = stats.body.units as {
      unitId: string;
      received: number;
      adopted: number;
      upperAdopted: number;
    }[];
    for (const unit of everyUnit) {
      expect(
        units.find((row) => row.unitId === unit),
        unit,
      ).toMatchObject({
        received: book(unit).submitted,
        adopted: book(unit).adopted,
        upperAdopted: book(unit).upperAdopted,
      });
    }
  });
});
