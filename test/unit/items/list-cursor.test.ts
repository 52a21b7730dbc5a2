/**
 * `nextCursor` is the caller's to edit: whatever it decodes to, a key that is not the item row's
 * key in the partition being read answers 400 INVALID_CURSOR before anything reaches the store —
 * so a reporter cannot page into another unit's items, and a crafted key is never a 500.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ItemsDeps } from '#functions/items/deps';
import { fingerprint } from '#functions/items/list-items/cursor';
import { listItems } from '#functions/items/list-items/use-case';
import type { Principal } from '#shared/domain/roles';
import type { Item } from '#shared/schemas/items';
import type { ItemStore } from '#shared/store/ports';

const reporter: Principal = { role: 'reporter', unitId: 'weicheng', tokenId: 'tk_weicheng' };
const editor: Principal = { role: 'editor', tokenId: 'tk_editor' };
const ownKey = {
  pk: 'ITEM#it_0000000000000000000o01',
  sk: 'ITEM',
  gsi2pk: 'UNITITEMS#weicheng',
  gsi2sk: '2026-11-20T01:00:00.000Z#it_0000000000000000000o01',
};

function deps() {
  const page = vi.fn(async () => ({ items: [] as Item[], lastKey: undefined }));
  const items = { page } as unknown as ItemStore;
  return { page, deps: { items, now: () => new Date('2026-11-20T02:00:00.000Z') } as ItemsDeps };
}

/** A cursor as a caller could forge it: the right fingerprint (it is only a hash of the filters). */
const forged = (body: object, filters: object = { unitId: 'weicheng' }) =>
  Buffer.from(JSON.stringify({ f: fingerprint(filters), ...body }), 'utf8').toString('base64url');

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { status: number; code: string; message: string }) => error,
  );

describe('a tampered list cursor', () => {
  it.each([
    ["another unit's key", { partition: 0, lastKey: { ...ownKey, gsi2pk: 'UNITITEMS#qingzhou' } }],
    [
      "another index's key",
      { partition: 0, lastKey: { pk: ownKey.pk, sk: 'ITEM', gsi1pk: 'QUEUE#submitted', gsi1sk: 'x' } },
    ],
    ['a key of another row', { partition: 0, lastKey: { ...ownKey, pk: 'TOKEN#abc', sk: 'TOKEN' } }],
    ['a key with stray attributes', { partition: 0, lastKey: { ...ownKey, extra: 'x' } }],
    ['a key with a number', { partition: 0, lastKey: { ...ownKey, gsi2sk: 7 } }],
    ['a key that is an array', { partition: 0, lastKey: [ownKey] }],
    ['a partition past the plan', { partition: 5 }],
  ])('answers 400 INVALID_CURSOR for %s, reading nothing', async (_case, body) => {
    const { page, deps: withStore } = deps();
    const error = await refusal(listItems(withStore, reporter, { cursor: forged(body) }));
    expect(error).toMatchObject({ status: 400, code: 'INVALID_CURSOR' });
    expect(error?.message).toMatch(/分页游标无效/);
    expect(page).not.toHaveBeenCalled();
  });

  it('answers 400 for garbage and for a cursor made for other filters', async () => {
    const { page, deps: withStore } = deps();
    for (const cursor of ['not-base64-json', forged({ partition: 0 }, { unitId: 'qingzhou' })]) {
      expect(await refusal(listItems(withStore, reporter, { cursor }))).toMatchObject({
        status: 400,
        code: 'INVALID_CURSOR',
      });
    }
    expect(page).not.toHaveBeenCalled();
  });

  it('accepts the cursor the list itself handed out', async () => {
    const { page, deps: withStore } = deps();
    const one = { itemId: 'it_0000000000000000000o01', unitId: 'weicheng', findings: [] } as unknown as Item;
    page.mockResolvedValueOnce({ items: [one], lastKey: ownKey as never });
    const first = await listItems(withStore, reporter, { limit: 1 });
    expect(first.nextCursor).toBeDefined();
    await listItems(withStore, reporter, { limit: 1, cursor: first.nextCursor });
    expect(page).toHaveBeenLastCalledWith(expect.objectContaining({ ExclusiveStartKey: ownKey }));
  });

  it("lets an editor page the queue, but not with a unit's key", async () => {
    const { deps: withStore } = deps();
    const queueCursor = forged({ partition: 0, lastKey: ownKey }, { status: 'submitted' });
    expect(
      await refusal(listItems(withStore, editor, { status: 'submitted', cursor: queueCursor })),
    ).toMatchObject({
      code: 'INVALID_CURSOR',
    });
  });
});
