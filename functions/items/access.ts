import { isUnitBound, type Principal } from '#shared/domain/roles';
import { NotFoundError } from '#shared/errors';
import type { Item } from '#shared/schemas/items';
import type { ItemReader } from '#shared/store/ports';

export function itemNotFound(itemId: string): NotFoundError {
  return new NotFoundError('ITEM_NOT_FOUND', `找不到稿件“${itemId}”`);
}

/** Reporters reach only their own unit's items; another unit's item is "not found", never "forbidden". */
export async function readableItem(items: ItemReader, principal: Principal, itemId: string): Promise<Item> {
  const item = await items.get(itemId);
  if (!item) throw itemNotFound(itemId);
  if (
    isUnitBound(principal) &&
    item.unitId !== principal.unitId &&
    !item.coUnits.includes(principal.unitId)
  ) {
    throw itemNotFound(itemId);
  }
  return item;
}
