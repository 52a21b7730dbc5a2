import type { Principal } from '#shared/domain/roles';
import { NotFoundError } from '#shared/errors';
import type { Message } from '#shared/schemas/messages';
import { type InboxDeps, inboxOwner } from '../deps';

/** Marks one of the caller's messages read (again: the first read time stays); another's is not found. */
export async function readMessage(
  deps: InboxDeps,
  principal: Principal,
  messageId: string,
): Promise<Message> {
  const message = await deps.messages.markRead(inboxOwner(principal), messageId, deps.now().toISOString());
  if (!message) throw new NotFoundError('MESSAGE_NOT_FOUND', `找不到消息“${messageId}”`);
  return message;
}
