import { actorOf } from '#shared/domain/actor';
import { decide } from '#shared/domain/items/lifecycle';
import { itemReturnedMessage } from '#shared/domain/messages';
import type { Principal } from '#shared/domain/roles';
import { ConflictError, UnprocessableError } from '#shared/errors';
import type { DecisionBody, Item } from '#shared/schemas/items';
import { deliverMessages } from '#shared/store/deliver-messages';
import { itemNotFound } from '../../items/access';
import type { ReviewDeps } from '../deps';

/**
 * One decision per version: of many concurrent decisions on one item exactly one applies. A return
 * (退回修改) then tells the unit's people, with the editor's comment (站内消息).
 */
export async function decideItem(
  deps: ReviewDeps,
  editor: Principal,
  itemId: string,
  input: DecisionBody,
): Promise<Item> {
  const current = await deps.items.get(itemId);
  if (!current) throw itemNotFound(itemId);
  if (current.version !== input.version)
    throw new ConflictError('VERSION_CONFLICT', '稿件已被他人处理或修改，请刷新后再操作');
  const transition = decide(current.status, input.decision, input.comment);
  if (!transition.ok) {
    if (input.decision === 'return' && !input.comment?.trim()) {
      throw new UnprocessableError('COMMENT_REQUIRED', transition.reason);
    }
    throw new ConflictError('INVALID_TRANSITION', transition.reason);
  }
  const at = deps.now().toISOString();
  const next: Item = {
    ...current,
    status: transition.to,
    ...(input.comment ? { lastComment: input.comment } : {}),
    updatedAt: at,
    version: current.version + 1,
  };
  await deps.items.update(next, current.version, [
    {
      at,
      ...actorOf(editor),
      role: editor.role,
      action: 'decide',
      from: current.status,
      to: transition.to,
      ...(input.comment ? { comment: input.comment } : {}),
    },
  ]);
  // 站内消息 to the unit's people, after the commit (a retried return finds the same message id).
  if (next.status === 'returned' && input.comment) {
    await deliverMessages(deps.messages, [itemReturnedMessage(next, input.comment, at)]);
  }
  return next;
}
