/**
 * The editor's list with no unit or status walks the month index back a year. Months are read a
 * few at a time; the pages a person gets must be exactly those of a month-by-month walk: every
 * item once, newest first, across sparse and full months, with and without a filter.
 */
import { describe, expect, it } from 'vitest';
import type { ItemsDeps } from '#functions/items/deps';
import { listItems } from '#functions/items/list-items/use-case';
import type { Principal } from '#shared/domain/roles';
import type { Item } from '#shared/schemas/items';
import type { ItemPageQuery, ItemStore } from '#shared/store/ports';

const editor: Principal = { role: 'editor', tokenId: 'tk_editor' };
const now = new Date('2026-11-20T02:00:00.000Z');

/** Items by month (`ITEMS#yyyy-mm` on gsi3), each month newest first, as DynamoDB pages them. */
function monthIndex(counts: Record<string, number>) {
  const byMonth = new Map<string, Item[]>();
  for (const [month, count] of Object.entries(counts)) {
    const items = Array.from({ length: count }, (_, index) => {
      const day = String(28 - index).padStart(2, '0');
      const itemId = `it_${month.replace('-', '')}${String(index).padStart(16, '0')}`;
      return {
        itemId,
        unitId: 'weicheng',
        status: 'submitted',
        urgency: index % 3 === 0 ? 'important' : 'normal',
        title: `${month} 第${index + 1}篇`,
        submittedAt: `${month}-${day}T01:00:00.000Z`,
        findings: [],
      } as unknown as Item;
    });
    byMonth.set(`ITEMS#${month}`, items);
  }
  const reads: string[] = [];
  const page = async (input: ItemPageQuery) => {
    const pk = String(input.ExpressionAttributeValues[':pk']);
    reads.push(pk);
    const all = byMonth.get(pk) ?? [];
    const start = input.ExclusiveStartKey
      ? all.findIndex((item) => `ITEM#${item.itemId}` === input.ExclusiveStartKey?.pk) + 1
      : 0;
    // Limit counts items evaluated, before the filter, as DynamoDB's does.
    const evaluated = all.slice(start, start + input.Limit);
    const urgency = input.ExpressionAttributeValues[':urgency'];
    const items = evaluated.filter((item) => urgency === undefined || item.urgency === urgency);
    const last = evaluated.at(-1);
    const more = start + input.Limit < all.length;
    const lastKey = last && {
      pk: `ITEM#${last.itemId}`,
      sk: 'ITEM',
      gsi3pk: pk,
      gsi3sk: `${last.submittedAt}#${last.itemId}`,
    };
    return { items, lastKey: more ? lastKey : undefined };
  };
  const deps = { items: { page } as unknown as ItemStore, now: () => now } as ItemsDeps;
  const newestFirst = [...byMonth.keys()]
    .sort()
    .reverse()
    .flatMap((pk) => byMonth.get(pk) ?? []);
  return { deps, reads, newestFirst };
}

async function everyPage(deps: ItemsDeps, query: { limit: number; urgency?: 'important' }) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listItems(deps, editor, { ...query, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items.map((item) => item.itemId));
    expect(page.items.length).toBeLessThanOrEqual(query.limit);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('the list never ended');
}

describe("the editor's list across the months of a year", () => {
  const year = { '2026-11': 2, '2026-09': 7, '2026-06': 1, '2026-02': 12, '2025-12': 3 };

  // Neighbouring months that together overflow a page: the second is read again with the room left.
  const crowded = { '2026-11': 1, '2026-10': 5, '2026-08': 4, '2026-07': 4, '2026-05': 6 };

  it.each([
    ['a sparse year', 1, year],
    ['a sparse year', 3, year],
    ['a sparse year', 5, year],
    ['a sparse year', 20, year],
    ['crowded months', 5, crowded],
    ['crowded months', 4, crowded],
    ['crowded months', 7, crowded],
  ])('gives every item of %s once, newest first, %i per page', async (_year, limit, counts) => {
    const { deps, newestFirst } = monthIndex(counts);
    expect(await everyPage(deps, { limit })).toEqual(newestFirst.map((item) => item.itemId));
  });

  it('gives every matching item once with a filter that skips rows inside a page', async () => {
    const { deps, newestFirst } = monthIndex(year);
    const important = newestFirst.filter((item) => item.urgency === 'important').map((item) => item.itemId);
    expect(await everyPage(deps, { limit: 2, urgency: 'important' })).toEqual(important);
  });

  it('answers an empty year with an empty list and no cursor, having read each month once', async () => {
    const { deps, reads } = monthIndex({});
    const page = await listItems(deps, editor, { limit: 20 });
    expect(page).toEqual({ items: [] });
    expect(reads).toHaveLength(13);
    expect(new Set(reads).size).toBe(13);
  });
});
