import type { ItemSubmit } from '#shared/schemas/items';
import type { ItemsDeps } from '../deps';
import { assess, refuseUnacceptable } from '../submission-rules';

/** 预检: the same refusals and hints as a submission, and nothing stored. */
export async function precheckItem(deps: ItemsDeps, input: ItemSubmit) {
  const now = deps.now();
  refuseUnacceptable(input, now);
  const { findings, duplicates } = await assess(deps.items, input, now);
  return { findings, duplicates };
}
