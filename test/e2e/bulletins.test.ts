import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { showStackErrorsOnFailure, submitItem } from '../support/e2e';
import { startStackForTest } from '../support/local-stack';

type Stack = Awaited<ReturnType<typeof startStackForTest>>;
let stack: Stack;
const call = apiClient(() => stack.urls.api);
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));

/** The search documents of an issue's public items (`<base>0.json`, `1.json`, … until a 404), joined. */
async function searchObjects(base: string): Promise<string> {
  const bodies: string[] = [];
  for (let k = 0; ; k++) {
    const response = await fetch(`${base}${k}.json`);
    if (response.status !== 200) return bodies.join('\n');
    bodies.push(await response.text());
  }
}

async function candidate(
  title: string,
  body: string,
  openness: 'public' | 'internal' = 'public',
): Promise<string> {
  const itemId = await submitItem(call, stack.tokens.REPORTER_TOKEN, { title, body, openness });
  const decided = await call('POST', `/items/${itemId}/decision`, {
    token: stack.tokens.EDITOR_TOKEN,
    json: { decision: 'candidate', version: 1 },
  });
  expect(decided.status).toBe(200);
  return itemId;
}

async function draft(seriesId: string, itemIds: string[]) {
  const created = await call('POST', '/bulletins', {
    token: stack.tokens.EDITOR_TOKEN,
    json: { seriesId, itemIds },
  });
  return created;
}

const editor = () => stack.tokens.EDITOR_TOKEN;

beforeAll(async () => {
  stack = await startStackForTest();
  await call('PUT', '/settings/leader-recipients', {
    token: stack.tokens.ADMIN_TOKEN,
    json: {
      recipients: [{ name: '王市长', email: 'mayor@example.gov.cn', bulletins: true, digest: 'weekly' }],
    },
  });
});

showStackErrorsOnFailure(() => stack.output());

afterAll(async () => {
  await stack?.stop();
});

describe('bulletins from draft to the public archive', () => {
  let bulletinId = '';
  let publicItem = '';
  let internalItem = '';

  it('publishes a draft with numbers, a Word file that reads back, and one leaders mail', async () => {
    publicItem = await candidate(
      '潍城区桃花村发展乡村旅游带动增收',
      '11月，潍城区桃花村接待游客3.2万人次，带动村民人均增收1800元，新增民宿12家。',
    );
    internalItem = await candidate(
      '潍城区内部工作安排情况汇报',
      '关于某项内部工作的安排，仅供领导参阅，涉及人员调整意见共三条。',
      'internal',
    );
    const created = await draft('zwxx', [publicItem, internalItem]);
    expect(created.status).toBe(201);
    bulletinId = String(created.body.bulletinId);
    const updated = await call('PUT', `/bulletins/${bulletinId}`, {
      token: editor(),
      json: {
        version: 1,
        signer: '刘秘书长',
        distribution: { report: ['省政府办公厅'], send: ['市委办公室'], issue: ['各县市区人民政府'] },
        items: [
          {
            itemId: publicItem,
            title: '潍城区桃花村乡村旅游带动村民增收',
            body: '11月，潍城区桃花村接待游客3.2万人次，带动村民人均增收1800元。',
          },
          {
            itemId: internalItem,
            title: '潍城区内部工作安排情况汇报',
            body: '关于某项内部工作的安排，仅供领导参阅，请勿外转他人。',
          },
        ],
      },
    });
    expect(updated.body).toMatchObject({ version: 2 });
    expect(updated.status).toBe(200);
    const published = await call('POST', `/bulletins/${bulletinId}/publish`, {
      token: editor(),
      json: { version: 2 },
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      status: 'published',
      number: 1,
      total: 1,
      year,
      signer: '刘秘书长',
    });
    expect(String((published.body.docx as { sha256: string }).sha256)).toMatch(/^[0-9a-f]{64}$/);

    const adopted = await call('GET', `/items/${publicItem}`, { token: stack.tokens.REPORTER_TOKEN });
    expect(adopted.body.status).toBe('adopted');

    const link = await call('GET', `/bulletins/${bulletinId}/docx`, { token: stack.tokens.LEADER_TOKEN });
    const docx = new Uint8Array(await (await fetch(String(link.body.url))).arrayBuffer());
    const xml = strFromU8(unzipSync(docx)['word/document.xml'] ?? new Uint8Array());
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
    expect(text).toContain('政务信息');
    expect(text).toContain('第1期');
    expect(text).toContain('潍城区桃花村乡村旅游带动村民增收');

    let mail = '';
    for (let attempt = 0; attempt < 40 && !mail.includes('mayor@example.gov.cn'); attempt += 1) {
      mail = await fetch(`${stack.urls.mailbox}/store`).then((response) => response.text());
      if (!mail.includes('mayor@example.gov.cn')) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(mail).toContain('《政务信息》');
    expect(mail.split('mayor@example.gov.cn').length - 1).toBeGreaterThanOrEqual(1);
  });

  it('shows only public items on the archive page and finds them by search', async () => {
    const page = await fetch(`${stack.urls.archive}/${year}/zwxx/1/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('桃花村乡村旅游');
    expect(html).not.toContain('内部工作安排');
    const shown = await searchObjects(`${stack.urls.archive}/search/items/${year}/zwxx/1/`);
    expect(shown).toContain('桃花村');
    expect(shown).not.toContain('内部工作安排');
  });

  it('refuses double publishing, editing a published issue, reusing an adopted item and internal items in a public-only series', async () => {
    const again = await call('POST', `/bulletins/${bulletinId}/publish`, {
      token: editor(),
      json: { version: 3 },
    });
    expect(again.status).toBe(409);
    const edit = await call('PUT', `/bulletins/${bulletinId}`, {
      token: editor(),
      json: { version: 3, signer: '某某' },
    });
    expect(edit.status).toBe(409);
    const reuse = await draft('zwxx', [publicItem]);
    expect(reuse.status).toBe(409);
    expect(reuse.body.error?.code).toBe('ITEM_ALREADY_ADOPTED');
    const internal = await candidate(
      '潍城区另一篇内部稿件标题',
      '内部稿件的正文内容，不宜公开，仅供参阅使用，共计三段文字。',
      'internal',
    );
    const intoPublic = await draft('zk', [internal]);
    expect(intoPublic.status).toBe(422);
    expect(intoPublic.body.error?.code).toBe('INTERNAL_IN_PUBLIC_SERIES');
    const empty = await draft('zwxx', []);
    expect(empty.status).toBe(201);
    const emptyPublish = await call('POST', `/bulletins/${String(empty.body.bulletinId)}/publish`, {
      token: editor(),
      json: { version: 1, signer: '刘秘书长' },
    });
    expect(emptyPublish.status).toBe(422);
    expect(emptyPublish.body.error?.code).toBe('EMPTY_BULLETIN');
  });

  it('numbers 20 concurrent publishes in one series consecutively', async () => {
    const drafts: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const itemId = await candidate(
        `潍城区第${index + 1}项重点工程完成投资`,
        `潍城区第${index + 1}项重点工程本月完成投资${index + 2}亿元，形象进度达到${60 + index}%。`,
      );
      const created = await draft('mryq', [itemId]);
      drafts.push(String(created.body.bulletinId));
    }
    const replies = await Promise.all(
      drafts.map((id) =>
        call('POST', `/bulletins/${id}/publish`, {
          token: editor(),
          json: { version: 1, signer: '刘秘书长' },
        }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(drafts.map(() => 200));
    const numbers = replies.map((reply) => Number(reply.body.number)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('withdraws an issue: the number stays, the page and search entries go', async () => {
    const current = await call('GET', `/bulletins/${bulletinId}`, { token: editor() });
    const withdrawn = await call('POST', `/bulletins/${bulletinId}/withdraw`, {
      token: editor(),
      json: { version: Number(current.body.version), reason: '内容需要更正' },
    });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', number: 1 });
    const page = await fetch(`${stack.urls.archive}/${year}/zwxx/1/`);
    expect(page.status).toBe(404);
    expect(await searchObjects(`${stack.urls.archive}/search/items/${year}/zwxx/1/`)).toBe('');
    const manifest = await fetch(`${stack.urls.archive}/search/years.json`).then((response) =>
      response.text(),
    );
    expect(manifest).not.toContain(`[${year},"zwxx",1,`);
  });

  it('ranks the units of the month from the counters, as JSON, CSV and XLSX', async () => {
    const month = today.slice(0, 7);
    const json = await call('GET', `/rankings?period=${month}&class=county`, {
      token: stack.tokens.LEADER_TOKEN,
    });
    expect(json.status).toBe(200);
    const [county] = json.body.rankings as {
      rows: { unitId: string; submitted: number; adopted: number; rank: number }[];
    }[];
    const weicheng = county?.rows.find((row) => row.unitId === 'weicheng');
    // 20 items in the concurrent issues count; the first issue's 2 were taken back when it was
    // withdrawn; 23 submitted (one internal item stayed a candidate).
    expect(weicheng).toMatchObject({ submitted: 23, adopted: 20, rank: 1 });
    expect(county?.rows).toHaveLength(16);
    const csv = await fetch(`${stack.urls.api}/rankings?period=${month}&format=csv`, {
      headers: { authorization: `Bearer ${stack.tokens.EDITOR_TOKEN}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('潍城区人民政府,23,20');
    const xlsx = await fetch(`${stack.urls.api}/rankings?period=${month}&format=xlsx`, {
      headers: { authorization: `Bearer ${stack.tokens.EDITOR_TOKEN}` },
    });
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect(strFromU8(unzipSync(bytes)['xl/sharedStrings.xml'] ?? new Uint8Array())).toContain(
      '潍城区人民政府',
    );
    const future = await call('GET', `/rankings?period=${year + 1}-01`, { token: stack.tokens.LEADER_TOKEN });
    expect(future.body.error?.code).toBe('PERIOD_IN_FUTURE');
    const malformed = await call('GET', '/rankings?period=2026-13', { token: stack.tokens.LEADER_TOKEN });
    expect(malformed.body.error?.code).toBe('PERIOD_INVALID');
  });

  it("explains every point of a unit's score in its ledger, and the ranking shows the same sum", async () => {
    const month = today.slice(0, 7);
    const ledger = await call('GET', `/units/weicheng/ledger?period=${month}`, {
      token: stack.tokens.REPORTER_TOKEN,
    });
    expect(ledger.status).toBe(200);
    const lines = ledger.body.lines as { reason: string; points: number; rule: string }[];
    expect(lines.map((line) => line.reason)).toContain(`《政务信息》${year}年第1期采用 +3`);
    expect(lines.map((line) => line.reason)).toContain(`《政务信息》${year}年第1期撤回 -3`);
    expect(lines.filter((line) => line.rule === 'series:mryq')).toHaveLength(20);
    const sum = lines.reduce((total, line) => total + line.points, 0);
    expect(ledger.body.total).toBe(sum);
    const ranking = await call('GET', `/rankings?period=${month}&class=county`, {
      token: stack.tokens.LEADER_TOKEN,
    });
    const [county] = ranking.body.rankings as { rows: { unitId: string; points: number }[] }[];
    expect(county?.rows.find((row) => row.unitId === 'weicheng')?.points).toBe(sum);
    const foreign = await call('GET', `/units/qingzhou/ledger?period=${month}`, {
      token: stack.tokens.REPORTER_TOKEN,
    });
    expect(foreign.status).toBe(404);
  });

  it('names the units that went silent or fell behind in the overdue report', async () => {
    const report = await call('GET', '/reports/overdue', { token: stack.tokens.LEADER_TOKEN });
    expect(report.status).toBe(200);
    const units = report.body.units as { unitId: string; status: string; reasons: { code: string }[] }[];
    expect(units.find((unit) => unit.unitId === 'weicheng')?.status).toBe('green');
    const silent = units.find((unit) => unit.unitId === 'qingzhou');
    expect(silent?.status).toBe('red');
    expect(silent?.reasons.map((reason) => reason.code)).toContain('SILENT');
    expect(Number(report.body.red) + Number(report.body.amber) + Number(report.body.green)).toBe(
      units.length,
    );
  });
});
