import { hintsSeenBy } from '#shared/domain/quality/duplicate-view';
import type { Principal } from '#shared/domain/roles';
import type { ItemSubmit } from '#shared/schemas/items';
import type { ItemsDeps } from '../deps';
import { assess, refuseUnacceptable } from '../submission-rules';

/**
 * 预检: the same refusals and hints as a submission, and nothing stored. A reporter hears of
 * another unit's similar item only as a note with the similarity (never its id, unit or title).
 */
export async function precheckItem(deps: ItemsDeps, principal: Principal, input: ItemSubmit) {
  const now = deps.now();
  refuseUnacceptable(input, now);
  const { findings, duplicates } = await assess(deps.items, input, now);
  return hintsSeenBy(principal, { findings, duplicates });
}
