import type { Principal } from '#shared/domain/roles';
import { readableItem } from '../access';
import type { ItemsDeps } from '../deps';
import { itemSeenBy } from '../item-view';

export async function getItem(deps: ItemsDeps, principal: Principal, itemId: string) {
  return itemSeenBy(principal, await readableItem(deps.items, principal, itemId));
}
