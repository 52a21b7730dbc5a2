/**
 * Drafts ready to publish, made through the local stack's API as an office makes them (a
 * reporter's item, the editor's 拟采用, a draft, its signer and distribution), so that the
 * cold-load bench can time and weigh the Word path: one publish per fresh process.
 */
import { randomUUID } from 'node:crypto';
import type { DemoTokens } from '../../infra/local/demo/tokens-file';
import { apiClient } from '../../test/support/api';

const todayInShanghai = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const places = [
  '潍城区',
  '奎文区',
  '寒亭区',
  '坊子区',
  '青州市',
  '诸城市',
  '寿光市',
  '安丘市',
  '高密市',
  '昌邑市',
];

export interface WordDraft {
  bulletinId: string;
  /** The draft's version after its signer was set: what publish must name. */
  version: number;
}

export async function publishableDrafts(
  api: string,
  tokens: DemoTokens,
  count: number,
): Promise<WordDraft[]> {
  const call = apiClient(() => api);
  const expectStatus = (what: string, reply: { status: number; body: unknown }, status: number) => {
    if (reply.status !== status) {
      throw new Error(`${what} answered ${reply.status}: ${JSON.stringify(reply.body).slice(0, 300)}`);
    }
  };
  const drafts: WordDraft[] = [];
  for (let index = 0; index < count; index++) {
    const place = places[index % places.length] ?? '潍城区';
    const title = `${place}第${index + 1}批冷启动测试项目建设进展`;
    const body = `${place}推进第${index + 1}批重点项目${12 + index}个，完成投资${3 + index}.${index}亿元，新增就业岗位${200 + index * 17}个，编号${randomUUID().slice(0, 8)}。`;
    const submitted = await call('POST', '/items', {
      token: tokens.REPORTER_TOKEN,
      headers: { 'idempotency-key': randomUUID() },
      json: {
        title,
        body,
        eventDate: todayInShanghai(),
        urgency: 'normal',
        openness: 'public',
        secrecy: 'non-secret',
        approver: '张建国',
        author: { name: '李晓梅', phone: '0536-8201234' },
      },
    });
    expectStatus('submitting an item', submitted, 201);
    const itemId = String(submitted.body.itemId);
    const decided = await call('POST', `/items/${itemId}/decision`, {
      token: tokens.EDITOR_TOKEN,
      json: { decision: 'candidate', version: 1 },
    });
    expectStatus('the editor’s decision', decided, 200);
    const created = await call('POST', '/bulletins', {
      token: tokens.EDITOR_TOKEN,
      json: { seriesId: 'zwxx', itemIds: [itemId] },
    });
    expectStatus('creating a draft', created, 201);
    const bulletinId = String(created.body.bulletinId);
    const updated = await call('PUT', `/bulletins/${bulletinId}`, {
      token: tokens.EDITOR_TOKEN,
      json: {
        version: 1,
        signer: '刘秘书长',
        distribution: { report: ['省政府办公厅'], send: ['市委办公室'], issue: ['各县市区人民政府'] },
        items: [{ itemId, title, body }],
      },
    });
    expectStatus('signing the draft', updated, 200);
    drafts.push({ bulletinId, version: Number(updated.body.version) });
  }
  return drafts;
}
