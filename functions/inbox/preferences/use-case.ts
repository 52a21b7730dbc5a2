import type { Principal } from '#shared/domain/roles';
import type { MessagePreferences } from '#shared/schemas/messages';
import { type InboxDeps, inboxOwner } from '../deps';

export function getPreferences(deps: InboxDeps, principal: Principal): Promise<MessagePreferences> {
  return deps.messages.preferences(inboxOwner(principal));
}

/** E-mail copies on or off; messages already waiting are sent or dropped by the job as the setting is then. */
export async function setPreferences(
  deps: InboxDeps,
  principal: Principal,
  input: { mailCopy: boolean },
): Promise<MessagePreferences> {
  const preferences = { mailCopy: input.mailCopy, updatedAt: deps.now().toISOString() };
  await deps.messages.setPreferences(inboxOwner(principal), preferences);
  return preferences;
}
