import { personOf } from '#shared/domain/actor';
import type { Principal } from '#shared/domain/roles';
import { NotFoundError } from '#shared/errors';
import type { ForwardedBody, ForwardedFact } from '#shared/schemas/facts';
import type { FactsDeps } from '../deps';
import { factEvent, requireNotFuture } from '../rules';

/** 上报: the day the office forwarded the item upward; recorded once per item. */
export async function recordForwarded(
  deps: FactsDeps,
  editor: Principal,
  itemId: string,
  body: ForwardedBody,
): Promise<ForwardedFact> {
  const item = await deps.items.get(itemId);
  if (!item) throw new NotFoundError('ITEM_NOT_FOUND', `找不到稿件“${itemId}”`);
  const now = deps.now();
  requireNotFuture(body.date, now, '上报日期');
  const at = now.toISOString();
  const fact: ForwardedFact = {
    itemId,
    date: body.date,
    recordedAt: at,
    recordedBy: editor.tokenId,
    ...personOf(editor),
  };
  await deps.facts.record({
    fact: { kind: 'forwarded', fact },
    event: factEvent(editor, at, 'forward', `${body.date} 上报上级`),
    ledger: [],
    counters: [],
    duplicate: { code: 'ALREADY_FORWARDED', message: '该稿件已记录上报日期，不能重复记录' },
  });
  return fact;
}
