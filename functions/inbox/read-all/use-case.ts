import type { Principal } from '#shared/domain/roles';
import { type InboxDeps, inboxOwner } from '../deps';

export async function readAllMessages(deps: InboxDeps, principal: Principal) {
  return { marked: await deps.messages.markAllRead(inboxOwner(principal), deps.now().toISOString()) };
}
