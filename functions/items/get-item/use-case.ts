import type { Principal } from '#shared/domain/roles';
import { readableItem } from '../access';
import type { ItemsDeps } from '../deps';

export function getItem(deps: ItemsDeps, principal: Principal, itemId: string) {
  return readableItem(deps.items, principal, itemId);
}
