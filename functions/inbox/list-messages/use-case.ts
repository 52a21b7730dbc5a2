import type { Principal } from '#shared/domain/roles';
import { BadRequestError } from '#shared/errors';
import type { MessageListQuery } from '#shared/schemas/messages';
import { type InboxDeps, inboxOwner } from '../deps';

const invalidCursor = () => new BadRequestError('INVALID_CURSOR', '分页游标无效，请从第一页重新查询');

/** `<createdAt>#<messageId>` of the last message shown; it only positions a Query in the caller's own inbox. */
const position = /^\d{4}-\d{2}-\d{2}T[0-9:.]+Z#[a-z]{2}-[0-9a-z_-]{3,120}$/;

function decode(cursor: string | undefined, unreadOnly: boolean): string | undefined {
  if (!cursor) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [kind, after] = [text.slice(0, 1), text.slice(2)];
  if (kind !== (unreadOnly ? 'u' : 'a') || !position.test(after)) throw invalidCursor();
  return after;
}

const encode = (after: string, unreadOnly: boolean) =>
  Buffer.from(`${unreadOnly ? 'u' : 'a'}:${after}`, 'utf8').toString('base64url');

/** The caller's messages, newest first; `unread=true` lists the unread ones only. */
export async function listMessages(deps: InboxDeps, principal: Principal, query: MessageListQuery) {
  const unreadOnly = query.unread === 'true';
  const after = decode(query.cursor, unreadOnly);
  const page = await deps.messages.page(inboxOwner(principal), {
    unreadOnly,
    limit: query.limit ?? 20,
    ...(after ? { after } : {}),
  });
  return {
    messages: page.messages,
    ...(page.after ? { nextCursor: encode(page.after, unreadOnly) } : {}),
  };
}
