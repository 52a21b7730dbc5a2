import type { Principal } from '#shared/domain/roles';
import type { ItemFacts } from '#shared/schemas/facts';
import { readableItem } from '../../items/access';
import type { FactsDeps } from '../deps';
import { feedbackStatus } from '../rules';

/** An item's upper-level facts; a reporter sees only items of their own unit (others: 404). */
export async function getItemFacts(
  deps: FactsDeps,
  principal: Principal,
  itemId: string,
): Promise<ItemFacts> {
  await readableItem(deps.items, principal, itemId);
  const rows = await deps.facts.ofItem(itemId);
  const now = deps.now();
  return {
    itemId,
    ...(rows.forwarded ? { forwarded: rows.forwarded } : {}),
    upperAdoptions: rows.upperAdoptions,
    instructions: rows.instructions.map((row) => ({ ...row, feedbackStatus: feedbackStatus(row, now) })),
  };
}
