import type { Principal } from '#shared/domain/roles';
import { readableItem } from '../access';
import type { ItemsDeps } from '../deps';

export async function getHistory(deps: ItemsDeps, principal: Principal, itemId: string) {
  await readableItem(deps.items, principal, itemId);
  const events = await deps.history.list(itemId);
  return { itemId, events };
}
