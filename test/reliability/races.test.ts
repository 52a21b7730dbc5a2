/**
 * Reliability 4 — races over HTTP against the live stack. 50 editors decide one item at once:
 * exactly one decision applies, and once the item is published (by 10 racing publish calls) the
 * unit's ledger and counters show exactly one adoption. 20 issues of one series published at once
 * get consecutive numbers (第N期 and 总第N期) with no gap and no duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { showStackErrorsOnFailure, submitItem, todayInShanghai } from '../support/e2e';
import { startStackForTest, type TestStack } from '../support/local-stack';

let stack: TestStack;
const call = apiClient(() => stack.urls.api);
const editor = () => stack.tokens.EDITOR_TOKEN;
const month = todayInShanghai().slice(0, 7);
const year = Number(month.slice(0, 4));

beforeAll(async () => {
  stack = await startStackForTest();
});

afterAll(async () => {
  await stack?.stop();
});

showStackErrorsOnFailure(() => stack.output());

const statusCounts = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((counts, status) => {
    counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  }, {});

async function draftOf(seriesId: string, itemIds: string[]): Promise<string> {
  const created = await call('POST', '/bulletins', { token: editor(), json: { seriesId, itemIds } });
  expect(created.status).toBe(201);
  return String(created.body.bulletinId);
}

async function unitRankingRow(unitId: string) {
  const ranking = await call('GET', `/rankings?period=${month}`, { token: stack.tokens.LEADER_TOKEN });
  expect(ranking.status).toBe(200);
  const groups = ranking.body.rankings as {
    rows: { unitId: string; submitted: number; adopted: number }[];
  }[];
  return groups.flatMap((group) => group.rows).find((row) => row.unitId === unitId);
}

describe('races on the live stack', () => {
  it('applies one of 50 conflicting decisions, and the adoption counts once', async () => {
    const unitId = stack.tokens.REPORTER_UNIT;
    const itemId = await submitItem(call, stack.tokens.REPORTER_TOKEN, {
      title: '潍城区冬季清洁取暖改造完成1.2万户',
      body: '11月，潍城区完成冬季清洁取暖改造1.2万户，新建换热站14座，群众满意率达到97%。',
    });
    const decided = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        call('POST', `/items/${itemId}/decision`, {
          token: editor(),
          json: { decision: index % 2 ? 'reserve' : 'candidate', version: 1 },
        }),
      ),
    );
    const history = await call('GET', `/items/${itemId}/history`, { token: editor() });
    const decisions = (history.body.events as { action: string }[]).filter(
      (event) => event.action === 'decide',
    );

    // Whichever won, the item goes on to a bulletin; 10 publish calls race for it.
    const winner = decided.find((reply) => reply.status === 200);
    if (winner?.body.status === 'reserved') {
      const promoted = await call('POST', `/items/${itemId}/decision`, {
        token: editor(),
        json: { decision: 'candidate', version: Number(winner.body.version) },
      });
      expect(promoted.status).toBe(200);
    }
    const bulletinId = await draftOf('zwxx', [itemId]);
    const published = await Promise.all(
      Array.from({ length: 10 }, () =>
        call('POST', `/bulletins/${bulletinId}/publish`, {
          token: editor(),
          json: { version: 1, signer: '刘秘书长' },
        }),
      ),
    );
    const ledger = await call('GET', `/units/${unitId}/ledger?period=${month}`, { token: editor() });
    expect(ledger.status).toBe(200);
    const itemLines = (ledger.body.lines as { refId: string; points: number }[]).filter(
      (line) => line.refId === itemId,
    );
    const row = await unitRankingRow(unitId);

    console.log(
      `races: 50 decisions → ${JSON.stringify(statusCounts(decided.map((reply) => reply.status)))}, ` +
        `${decisions.length} decision in the history; 10 publishes → ` +
        `${JSON.stringify(statusCounts(published.map((reply) => reply.status)))}; ledger lines for the item: ` +
        `${itemLines.length} (${itemLines.map((line) => line.points).join(', ')} points); counters: ` +
        `submitted ${row?.submitted}, adopted ${row?.adopted}`,
    );
    expect(decided.filter((reply) => reply.status === 200)).toHaveLength(1);
    expect(decided.filter((reply) => reply.status === 409)).toHaveLength(49);
    expect(decisions).toHaveLength(1);
    expect(published.filter((reply) => reply.status === 200)).toHaveLength(1);
    expect(published.filter((reply) => reply.status === 409)).toHaveLength(9);
    expect(itemLines).toHaveLength(1);
    expect(row).toMatchObject({ submitted: 1, adopted: 1 });
  });

  it('numbers 20 concurrent publishes in one series consecutively, with no gap and no duplicate', async () => {
    const drafts: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const itemId = await submitItem(call, stack.tokens.REPORTER_TOKEN, {
        title: `潍城区第${index + 1}批重点项目集中开工${index + 3}个`,
        body: `本月潍城区第${index + 1}批重点项目集中开工${index + 3}个，总投资${(index + 1) * 7}亿元，预计新增就业${index + 200}人。`,
      });
      const candidate = await call('POST', `/items/${itemId}/decision`, {
        token: editor(),
        json: { decision: 'candidate', version: 1 },
      });
      expect(candidate.status).toBe(200);
      drafts.push(await draftOf('mryq', [itemId]));
    }
    const replies = await Promise.all(
      drafts.map((bulletinId) =>
        call('POST', `/bulletins/${bulletinId}/publish`, {
          token: editor(),
          json: { version: 1, signer: '刘秘书长' },
        }),
      ),
    );
    const listed = await call('GET', `/bulletins?seriesId=mryq&year=${year}&status=published`, {
      token: editor(),
    });
    const numbers = (listed.body.bulletins as { number: number }[])
      .map((entry) => entry.number)
      .sort((a, b) => a - b);
    const totals = replies.map((reply) => Number(reply.body.total)).sort((a, b) => a - b);
    const firstTotal = totals[0] ?? 0;

    console.log(
      `races: 20 concurrent publishes → ${JSON.stringify(statusCounts(replies.map((reply) => reply.status)))}; ` +
        `numbers ${numbers.join(',')}; totals ${totals.join(',')}`,
    );
    expect(replies.map((reply) => reply.status)).toEqual(drafts.map(() => 200));
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(totals).toEqual(Array.from({ length: 20 }, (_, index) => firstTotal + index));
  });
});
