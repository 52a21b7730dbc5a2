/**
 * Attribution and the 先进个人 counters against the real local store: a signed-in 信息员's
 * submission names them (history, submittedBy), takes an empty 执笔人 from their profile, and
 * counts for them; the editor's decision, publication and withdrawal name the editor and move the
 * person's counters in the same transactions; an `xb_` token's submission keeps token attribution.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createBulletin } from '../../../functions/bulletins/create-bulletin/use-case';
import { publishBulletin } from '../../../functions/bulletins/publish-bulletin/use-case';
import { withdrawBulletin } from '../../../functions/bulletins/withdraw-bulletin/use-case';
import { submitItem } from '../../../functions/items/submit-item/use-case';
import { decideItem } from '../../../functions/review/decide-item/use-case';
import type { Principal, UnitPrincipal } from '../../../shared/domain/roles';
import { DynamoHistoryStore } from '../../../shared/store/dynamo/history';
import { ledgerOf } from '../../../shared/store/dynamo/ledger';
import { DynamoPersonStore } from '../../../shared/store/dynamo/people';
import { periodPeopleCounts as personPeriodCounts } from '../../../shared/store/dynamo/people-counts';
import { newWorld, submission, type World } from '../bulletins/world';

const reporterId = '3f2c9a4e-8b1d-4c6f-9e2a-000000000001';
const editorId = '3f2c9a4e-8b1d-4c6f-9e2a-000000000002';
const lixm: UnitPrincipal = {
  role: 'reporter',
  unitId: 'weicheng',
  tokenId: `person:${reporterId}`,
  personId: reporterId,
  personName: '李晓梅',
};
const editorPerson: Principal = {
  role: 'editor',
  tokenId: `person:${editorId}`,
  personId: editorId,
  personName: '王编辑',
};

let world: World;

beforeAll(async () => {
  world = await newWorld(inject('dynamodbEndpoint'));
  await new DynamoPersonStore(world.table).create({
    personId: reporterId,
    username: 'weicheng.lixm',
    name: '李晓梅',
    phone: '0536-8201234',
    email: 'lixm@example.gov.cn',
    role: 'reporter',
    unitId: 'weicheng',
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'cli',
    version: 1,
  });
});

describe('a signed-in person acts', () => {
  it('is named on every record and counted for 先进个人; a withdrawal takes the adoption back', async () => {
    const items = { ...world.items, people: new DynamoPersonStore(world.table) };
    const { author: _none, ...unsigned } = submission('潍城区完成清洁取暖改造1.2万户');
    const item = await submitItem(items, lixm, unsigned);
    expect(item.submittedBy).toEqual({ personId: reporterId, name: '李晓梅' });
    expect(item.author).toEqual({ name: '李晓梅', phone: '0536-8201234' });

    const decided = await decideItem(world.review, editorPerson, item.itemId, {
      decision: 'candidate',
      version: item.version,
    });
    const draft = await createBulletin(world.bulletins, editorPerson, {
      seriesId: 'zwxx',
      itemIds: [item.itemId],
    });
    const issue = await publishBulletin(world.bulletins, editorPerson, draft.bulletinId, {
      version: draft.version,
      signer: '刘秘书长',
    });
    expect(decided.version).toBe(2);
    expect(issue.publishedByPerson).toEqual({ personId: editorId, name: '王编辑' });

    const events = await new DynamoHistoryStore(world.table).list(item.itemId);
    expect(events.map((event) => [event.action, event.byPerson?.name])).toEqual([
      ['submit', '李晓梅'],
      ['decide', '王编辑'],
      ['adopt', '王编辑'],
    ]);
    const lines = await ledgerOf(world.table, 'weicheng', '2026-11-01', '2026-12-01');
    expect(lines.filter((line) => line.points > 0).every((line) => line.byPerson?.name === '王编辑')).toBe(
      true,
    );

    const month = (await personPeriodCounts(world.table, '2026-11')).find(
      (row) => row.personId === reporterId,
    );
    expect(month).toMatchObject({ name: '李晓梅', unitId: 'weicheng', submitted: 1, adopted: 1 });

    await withdrawBulletin(world.bulletins, editorPerson, issue.bulletinId, {
      version: issue.version,
      reason: '内容有误',
    });
    const after = (await personPeriodCounts(world.table, '2026')).find((row) => row.personId === reporterId);
    expect(after).toMatchObject({ submitted: 1, adopted: 0 });
  });

  it("keeps token attribution for an xb_ token's submission, counted for no person", async () => {
    const item = await world.submit('gaomi', submission('高密市推进农村人居环境整治'));
    expect(item).not.toHaveProperty('submittedBy');
    const [event] = await new DynamoHistoryStore(world.table).list(item.itemId);
    expect(event).toMatchObject({ by: 'tk_reportergaomi', action: 'submit' });
    expect(event).not.toHaveProperty('byPerson');
    const counted = await personPeriodCounts(world.table, '2026-11');
    expect(counted.map((row) => row.personId)).toEqual([reporterId]);
  });

  it('refuses an empty 执笔人 for a token call, which has no profile to take it from', async () => {
    const { author: _none, ...unsigned } = submission('高密市开展冬季安全生产检查');
    await expect(world.submit('gaomi', unsigned)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
