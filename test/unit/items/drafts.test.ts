import { describe, expect, it } from 'vitest';
import { createDraft, type DraftDeps } from '../../../functions/items/create-draft/use-case';
import { getDraft } from '../../../functions/items/get-draft/use-case';
import { listDrafts } from '../../../functions/items/list-drafts/use-case';
import { submitDraft } from '../../../functions/items/submit-draft/use-case';
import { updateDraft } from '../../../functions/items/update-draft/use-case';
import type { UnitPrincipal } from '../../../shared/domain/roles';
import { ConflictError } from '../../../shared/errors';
import { parseWith } from '../../../shared/http/request';
import { type Draft, draftCreate } from '../../../shared/schemas/drafts';
import type { Item, ItemSubmit } from '../../../shared/schemas/items';
import type { DraftStore } from '../../../shared/store/ports';
import { sampleBodies } from '../../fixtures/request-samples';

/** Drafts in memory, per owner, as the DynamoDB store keeps them (one partition per caller). */
class MemoryDraftStore implements DraftStore {
  readonly rows = new Map<string, Draft>();
  private key = (owner: string, id: string) => `${owner}|${id}`;
  async get(owner: string, id: string) {
    return this.rows.get(this.key(owner, id));
  }
  async page(owner: string, limit: number, after?: string) {
    const own = [...this.rows.entries()]
      .filter(([key, draft]) => key.startsWith(`${owner}|`) && !draft.submittedItemId)
      .map(([, draft]) => draft)
      .sort((a, b) => (a.draftId < b.draftId ? 1 : -1))
      .filter((draft) => !after || draft.draftId < after);
    return { drafts: own.slice(0, limit), more: own.length > limit };
  }
  async create(owner: string, draft: Draft) {
    this.rows.set(this.key(owner, draft.draftId), draft);
  }
  async replace(owner: string, draft: Draft, expected: number) {
    const current = this.rows.get(this.key(owner, draft.draftId));
    if (current?.version !== expected) throw new ConflictError('VERSION_CONFLICT', '草稿已在别处修改');
    this.rows.set(this.key(owner, draft.draftId), draft);
  }
  async delete(owner: string, id: string, _expiresAt: number) {
    return this.rows.delete(this.key(owner, id));
  }
  async markSubmitted(owner: string, id: string, itemId: string) {
    const current = this.rows.get(this.key(owner, id));
    if (current) this.rows.set(this.key(owner, id), { ...current, submittedItemId: itemId });
  }
}

const reporter: UnitPrincipal = {
  role: 'reporter',
  unitId: 'weicheng',
  tokenId: 'person:p-1',
  personId: 'p-1',
};
const colleague: UnitPrincipal = {
  role: 'reporter',
  unitId: 'weicheng',
  tokenId: 'person:p-2',
  personId: 'p-2',
};
let clock = Date.parse('2026-11-24T02:00:00Z');
const deps = (): DraftDeps & { store: MemoryDraftStore } => {
  const store = new MemoryDraftStore();
  const now = () => {
    clock += 1000;
    return new Date(clock);
  };
  return { drafts: store, store, now };
};

const complete = sampleBodies.submitItem as ItemSubmit;

/** The items submit path as the handler wires it: idempotent on the key, one item per key. */
function submitter() {
  const stored = new Map<string, Item>();
  const calls: { key: string; body: ItemSubmit }[] = [];
  const submit = async (key: string, principal: UnitPrincipal, body: ItemSubmit): Promise<Item> => {
    calls.push({ key, body });
    const earlier = stored.get(key);
    if (earlier) return earlier;
    const item = {
      ...body,
      itemId: `it_${String(stored.size).padStart(22, '0')}`,
      unitId: principal.unitId,
    } as unknown as Item;
    stored.set(key, item);
    return item;
  };
  const items = {
    get: async (itemId: string) => [...stored.values()].find((item) => item.itemId === itemId),
  };
  return { submit, items, stored, calls };
}

describe('drafts (草稿)', () => {
  it('refuses a draft carrying a secrecy marker before anything runs, naming the marker', () => {
    expect(() =>
      parseWith(draftCreate, { title: '关于供暖的安排', body: '绝密 供暖调度方案' }, 'body'),
    ).toThrow(expect.objectContaining({ status: 422, code: 'SECRECY_REFUSED' }));
    expect(() => parseWith(draftCreate, { title: 'x'.repeat(81) }, 'body')).toThrow(
      expect.objectContaining({ status: 400, code: 'VALIDATION_FAILED' }),
    );
    expect(parseWith(draftCreate, { title: '只有标题' }, 'body')).toEqual({ title: '只有标题' });
  });

  it("keeps each person's drafts apart: another's draft is not found", async () => {
    const world = deps();
    const mine = await createDraft(world, reporter, { title: '我的草稿' });
    await expect(getDraft(world, colleague, mine.draftId)).rejects.toMatchObject({
      status: 404,
      code: 'DRAFT_NOT_FOUND',
    });
    expect((await listDrafts(world, colleague, {})).drafts).toEqual([]);
    expect((await listDrafts(world, reporter, {})).drafts.map((draft) => draft.title)).toEqual(['我的草稿']);
  });

  it('lists newest first and pages with a cursor; a made-up cursor is refused', async () => {
    const world = deps();
    for (const title of ['第一篇', '第二篇', '第三篇']) await createDraft(world, reporter, { title });
    const first = await listDrafts(world, reporter, { limit: 2 });
    expect(first.drafts.map((draft) => draft.title)).toEqual(['第三篇', '第二篇']);
    const second = await listDrafts(world, reporter, { limit: 2, cursor: first.nextCursor });
    expect(second.drafts.map((draft) => draft.title)).toEqual(['第一篇']);
    expect(second.nextCursor).toBeUndefined();
    await expect(listDrafts(world, reporter, { cursor: 'bm90LWEtZHJhZnQ' })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
  });

  it('saves with the version read, and refuses a stale save with 409', async () => {
    const world = deps();
    const draft = await createDraft(world, reporter, { title: '初稿' });
    const saved = await updateDraft(world, reporter, draft.draftId, {
      title: '二稿',
      body: '正文',
      version: 1,
    });
    expect(saved).toMatchObject({ title: '二稿', body: '正文', version: 2, createdAt: draft.createdAt });
    await expect(
      updateDraft(world, reporter, draft.draftId, { title: '旧页面', version: 1 }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'VERSION_CONFLICT',
    });
  });

  it('submits through the submit path with the draft id as the key, once, and answers a retry with the item', async () => {
    const world = deps();
    const { submit, items, stored, calls } = submitter();
    const draft = await createDraft(world, reporter, complete);
    const item = await submitDraft({ ...world, items, submit }, reporter, draft.draftId);
    expect(calls).toEqual([{ key: draft.draftId, body: complete }]);
    expect(item).toMatchObject({ title: complete.title, unitId: 'weicheng' });
    // The draft is marked with its item: a retry answers with it and submits nothing again.
    const retried = await submitDraft({ ...world, items, submit }, reporter, draft.draftId);
    expect(retried.itemId).toBe(item.itemId);
    expect(calls).toHaveLength(1);
    expect(stored.size).toBe(1);
    expect((await listDrafts(world, reporter, {})).drafts).toEqual([]);
    await expect(getDraft(world, reporter, draft.draftId)).rejects.toMatchObject({ status: 404 });
  });

  it("refuses to submit an incomplete draft, naming what is missing, and another person's draft", async () => {
    const world = deps();
    const { submit, items, calls } = submitter();
    const draft = await createDraft(world, reporter, { title: '只有标题的草稿' });
    const refused = await submitDraft({ ...world, items, submit }, reporter, draft.draftId).catch(
      (error) => error,
    );
    expect(refused).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const paths = (refused.details as { path: string }[]).map((detail) => detail.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body', 'eventDate', 'urgency', 'openness', 'secrecy', 'approver']),
    );
    const full = await createDraft(world, reporter, complete);
    await expect(submitDraft({ ...world, items, submit }, colleague, full.draftId)).rejects.toMatchObject({
      status: 404,
    });
    expect(calls).toEqual([]);
  });

  it('refuses an event dated after tomorrow as a submission does', async () => {
    const world = deps();
    const { submit, items, calls } = submitter();
    const draft = await createDraft(world, reporter, { ...complete, eventDate: '2027-05-01' });
    await expect(submitDraft({ ...world, items, submit }, reporter, draft.draftId)).rejects.toMatchObject({
      status: 400,
    });
    expect(calls).toEqual([]);
  });
});
