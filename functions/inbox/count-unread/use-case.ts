import type { Principal } from '#shared/domain/roles';
import { type InboxDeps, inboxOwner } from '../deps';

export async function countUnread(deps: InboxDeps, principal: Principal) {
  return { unread: await deps.messages.countUnread(inboxOwner(principal)) };
}
