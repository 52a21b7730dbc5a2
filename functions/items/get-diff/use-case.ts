import { diffChars } from 'diff';
import type { Principal } from '#shared/domain/roles';
import { readableItem } from '../access';
import type { ItemsDeps } from '../deps';

type Part = { op: 'same' | 'added' | 'removed'; text: string };

function compare(from: string, to: string): Part[] {
  return diffChars(from, to).map((change) => ({
    op: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}

/** 改稿对照: what the editor changed in the unit's latest text, character by character. */
export async function getDiff(deps: ItemsDeps, principal: Principal, itemId: string) {
  const item = await readableItem(deps.items, principal, itemId);
  const target = item.edited ?? item;
  return {
    itemId,
    basis: item.edited ? ('edited' as const) : ('none' as const),
    title: compare(item.title, target.title),
    body: compare(item.body, target.body),
  };
}
