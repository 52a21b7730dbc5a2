/**
 * Publishing builds the issue from the items as they are, not from the draft's copy: an item
 * that changed after the draft was saved stops the publication until the draft is refreshed, and
 * the final text passes the secrecy scan once more before anything is written.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createBulletin } from '../../../functions/bulletins/create-bulletin/use-case';
import { publishBulletin } from '../../../functions/bulletins/publish-bulletin/use-case';
import { updateBulletin } from '../../../functions/bulletins/update-bulletin/use-case';
import { reviseItem } from '../../../functions/items/revise-item/use-case';
import { decideItem } from '../../../functions/review/decide-item/use-case';
import { editItem } from '../../../functions/review/edit-item/use-case';
import type { AppError } from '../../../shared/errors';
import type { Item } from '../../../shared/schemas/items';
import { storedItem } from '../../../shared/store/dynamo/items';
import { ledgerOf } from '../../../shared/store/dynamo/ledger';
import { editor, MemoryBulletinFiles, newWorld, reporter, submission, type World } from './world';

let world: World;
let files: MemoryBulletinFiles;

beforeAll(async () => {
  files = new MemoryBulletinFiles();
  world = await newWorld(inject('dynamodbEndpoint'), { files });
});

async function candidate(title: string, openness: 'public' | 'internal' = 'public'): Promise<Item> {
  const item = await world.submit('weicheng', submission(title, { openness }));
  return decideItem(world.review, editor, item.itemId, { decision: 'candidate', version: item.version });
}

/** Returned, revised by the unit with `changes`, and made a candidate again. */
async function returnAndRevise(item: Item, changes: { title: string; openness: 'public' | 'internal' }) {
  const returned = await decideItem(world.review, editor, item.itemId, {
    decision: 'return',
    version: (await world.items.items.get(item.itemId))?.version ?? 0,
    comment: '请补充成效数据',
  });
  const { title, body, openness } = submission(changes.title, { openness: changes.openness });
  const revised = await reviseItem(world.items, reporter('weicheng'), item.itemId, {
    ...submission(changes.title),
    title,
    body,
    openness,
    version: returned.version,
  });
  return decideItem(world.review, editor, item.itemId, { decision: 'candidate', version: revised.version });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, 'expected a refusal').toBeDefined();
  return error as AppError;
}

const archived = () => [...world.objects.objects.values()].map((object) => object.body).join('\n');

describe('publishing from the items as they are', () => {
  it('never publishes an item revised to internal with its old public text', async () => {
    const item = await candidate('潍城区旧公开稿桃花村发展乡村旅游');
    const draft = await createBulletin(world.bulletins, editor, { seriesId: 'zwxx', itemIds: [item.itemId] });
    const signed = await updateBulletin(world.bulletins, editor, draft.bulletinId, {
      version: draft.version,
      signer: '刘秘书长',
    });
    await returnAndRevise(item, { title: '潍城区新内部稿人员调整安排', openness: 'internal' });

    const stale = await failure(
      publishBulletin(world.bulletins, editor, draft.bulletinId, { version: signed.version }),
    );
    expect(stale).toMatchObject({ status: 409, code: 'DRAFT_STALE' });
    expect(stale.message).toContain('潍城区新内部稿人员调整安排');
    expect(stale.message).toContain('刷新');
    expect(archived()).not.toContain('旧公开稿');

    const refreshed = await updateBulletin(world.bulletins, editor, draft.bulletinId, {
      version: signed.version,
      items: [{ itemId: item.itemId }],
    });
    expect(refreshed.items[0]).toMatchObject({ openness: 'internal', title: '潍城区新内部稿人员调整安排' });
    const published = await publishBulletin(world.bulletins, editor, draft.bulletinId, {
      version: refreshed.version,
    });
    expect(published.items[0]).toMatchObject({ openness: 'internal', title: '潍城区新内部稿人员调整安排' });
    const site = archived();
    expect(site).not.toContain('旧公开稿');
    expect(site).not.toContain('新内部稿');
  });

  it('keeps an item that became internal out of the public-only 增刊', async () => {
    const item = await candidate('潍城区增刊公开稿冬季供暖保障');
    const draft = await createBulletin(world.bulletins, editor, { seriesId: 'zk', itemIds: [item.itemId] });
    await returnAndRevise(item, { title: '潍城区增刊内部稿供暖调度安排', openness: 'internal' });

    const refused = await failure(
      publishBulletin(world.bulletins, editor, draft.bulletinId, {
        version: draft.version,
        signer: '刘秘书长',
      }),
    );
    expect(refused.status).toBeGreaterThanOrEqual(409);
    const refresh = await failure(
      updateBulletin(world.bulletins, editor, draft.bulletinId, {
        version: draft.version,
        items: [{ itemId: item.itemId }],
      }),
    );
    expect(refresh).toMatchObject({ status: 422, code: 'INTERNAL_IN_PUBLIC_SERIES' });
    expect(archived()).not.toContain('增刊公开稿');
    expect(await world.bulletins.bulletins.get(draft.bulletinId)).toMatchObject({ status: 'draft' });
  });

  it('refuses a draft whose item was edited after it was saved, naming the item', async () => {
    const item = await candidate('潍城区编辑后改动的稿件标题');
    const draft = await createBulletin(world.bulletins, editor, { seriesId: 'zb', itemIds: [item.itemId] });
    await editItem(world.review, editor, item.itemId, {
      title: '潍城区编辑再次改过的标题',
      body: submission('潍城区编辑再次改过的标题').body,
      version: item.version,
    });
    const stale = await failure(
      publishBulletin(world.bulletins, editor, draft.bulletinId, {
        version: draft.version,
        signer: '刘秘书长',
      }),
    );
    expect(stale).toMatchObject({ code: 'DRAFT_STALE', details: [{ itemId: item.itemId }] });
    expect(stale.message).toContain('潍城区编辑再次改过的标题');
  });

  it("prints the draft's edits as the item's adopted version, and refuses an edit made on a stale copy", async () => {
    const item = await candidate('潍城区草稿中修改的稿件原题');
    const draft = await createBulletin(world.bulletins, editor, { seriesId: 'zwxx', itemIds: [item.itemId] });
    const body = submission('潍城区草稿中改定的标题').body;
    const edited = await updateBulletin(world.bulletins, editor, draft.bulletinId, {
      version: draft.version,
      items: [{ itemId: item.itemId, title: '潍城区草稿中改定的标题', body }],
    });
    const stored = await world.items.items.get(item.itemId);
    expect(stored?.edited).toMatchObject({ title: '潍城区草稿中改定的标题', body, by: editor.tokenId });
    expect(stored?.title).toBe('潍城区草稿中修改的稿件原题');
    expect(edited.items[0]?.itemVersion).toBe(stored?.version);

    // Another editor changes the item meanwhile; text typed on the old copy must not overwrite it.
    await editItem(world.review, editor, item.itemId, {
      title: '潍城区另一位编辑的改稿',
      body,
      version: stored?.version ?? 0,
    });
    const overwrite = await failure(
      updateBulletin(world.bulletins, editor, draft.bulletinId, {
        version: edited.version,
        items: [{ itemId: item.itemId, title: '潍城区旧副本上的修改', body }],
      }),
    );
    expect(overwrite.code).toBe('DRAFT_STALE');
    expect((await world.items.items.get(item.itemId))?.edited?.title).toBe('潍城区另一位编辑的改稿');
  });

  it("publishes the unit's revision, not the editor's version of the text it replaced", async () => {
    const item = await candidate('潍城区单位初稿标题内容');
    const edited = await editItem(world.review, editor, item.itemId, {
      title: '潍城区编辑对初稿的改稿',
      body: submission('潍城区编辑对初稿的改稿').body,
      version: item.version,
    });
    await returnAndRevise(edited, { title: '潍城区单位重报的新稿', openness: 'public' });
    const revised = await world.items.items.get(item.itemId);
    expect(revised?.edited).toBeUndefined();
    const draft = await createBulletin(world.bulletins, editor, { seriesId: 'zwxx', itemIds: [item.itemId] });
    const published = await publishBulletin(world.bulletins, editor, draft.bulletinId, {
      version: draft.version,
      signer: '刘秘书长',
    });
    expect(published.items[0]?.title).toBe('潍城区单位重报的新稿');
    expect(archived()).toContain('潍城区单位重报的新稿');
    expect(archived()).not.toContain('潍城区编辑对初稿的改稿');
  });
});

describe('the last gate before publishing', () => {
  /** Everything a publication writes, to compare before and after a refusal. */
  async function footprint(unitId: string) {
    return {
      counter: await world.bulletins.bulletins.counter('zwxx'),
      files: [...files.files.keys()].sort(),
      archive: [...world.objects.objects.keys()].sort(),
      ledger: await ledgerOf(world.table, unitId, '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'),
    };
  }

  it('refuses an adopted text with a marker stored before the gate existed, and writes nothing', async () => {
    const item = await candidate('潍城区重点工程推进情况');
    const draft = await createBulletin(world.bulletins, editor, { seriesId: 'zwxx', itemIds: [item.itemId] });
    // As an older version stored it: the editor's text, unchecked, at the version the draft recorded.
    const legacy: Item = {
      ...item,
      edited: {
        title: '机密★一年 潍城区整改情况',
        body: submission('潍城区整改情况').body,
        at: item.updatedAt,
        by: editor.tokenId,
      },
    };
    await world.table.client.send(
      new PutCommand({ TableName: world.table.tableName, Item: storedItem(legacy) }),
    );
    const before = await footprint('weicheng');
    const refused = await failure(
      publishBulletin(world.bulletins, editor, draft.bulletinId, {
        version: draft.version,
        signer: '刘秘书长',
      }),
    );
    expect(refused).toMatchObject({ status: 422, code: 'SECRECY_REFUSED' });
    expect(refused.message).toContain('机密★一年');
    expect(await footprint('weicheng')).toEqual(before);
    expect(await world.items.items.get(item.itemId)).toMatchObject({ status: 'candidate' });
    expect(await world.bulletins.bulletins.get(draft.bulletinId)).toMatchObject({ status: 'draft' });
  });

  it('refuses a marker in the signer or the distribution list', async () => {
    const item = await candidate('潍城区秋冬季造林绿化工作');
    const draft = await createBulletin(world.bulletins, editor, { seriesId: 'zwxx', itemIds: [item.itemId] });
    const marked = await updateBulletin(world.bulletins, editor, draft.bulletinId, {
      version: draft.version,
      signer: '刘秘书长',
      distribution: { report: ['省政府办公厅'], send: ['【机密】内部资料 注意保密'], issue: [] },
    });
    const before = await footprint('weicheng');
    const refused = await failure(
      publishBulletin(world.bulletins, editor, draft.bulletinId, { version: marked.version }),
    );
    expect(refused).toMatchObject({ status: 422, code: 'SECRECY_REFUSED' });
    expect(refused.message).toContain('【机密】');
    expect(refused.details?.[0]).toMatchObject({ path: 'distribution.send.0' });
    const signer = await failure(
      publishBulletin(world.bulletins, editor, draft.bulletinId, {
        version: marked.version,
        signer: '绝密★启用前',
      }),
    );
    expect(signer.code).toBe('SECRECY_REFUSED');
    expect(await footprint('weicheng')).toEqual(before);
  });
});
