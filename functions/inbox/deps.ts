import type { Principal } from '#shared/domain/roles';
import type { MessageStore } from '#shared/store/ports';

export interface InboxDeps {
  messages: MessageStore;
  now: () => Date;
}

/**
 * Whose inbox: a signed-in person's own. Messages are only ever written for people, so an `xb_`
 * token (an integration, the CLI) has an inbox of its own id that stays empty.
 */
export const inboxOwner = (principal: Principal): string => principal.personId ?? principal.tokenId;
