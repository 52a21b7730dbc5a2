import { hintsSeenBy } from '#shared/domain/quality/duplicate-view';
import type { Principal } from '#shared/domain/roles';
import type { Item } from '#shared/schemas/items';

/**
 * An item as the caller may see it: the stored item keeps every near-duplicate in full for
 * staff; a reporter's answer names only its own unit's similar items (see `hintsSeenBy`).
 */
export function itemSeenBy(viewer: Principal, item: Item): Item {
  return { ...item, ...hintsSeenBy(viewer, item) };
}
