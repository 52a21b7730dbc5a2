import { inboxRoutes } from '#shared/catalogue/routes/inbox';
import { httpFunction } from '#shared/http/http-function';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoMessageStore } from '#shared/store/dynamo/messages';
import { countUnread } from './count-unread/use-case';
import type { InboxDeps } from './deps';
import { listMessages } from './list-messages/use-case';
import { getPreferences, setPreferences } from './preferences/use-case';
import { readAllMessages } from './read-all/use-case';
import { readMessage } from './read-message/use-case';

const deps: InboxDeps = { messages: new DynamoMessageStore(tableFromEnvironment()), now: () => new Date() };

export const handler = httpFunction(inboxRoutes, {
  listMessages: ({ principal, query }) => listMessages(deps, principal, query),
  countUnreadMessages: ({ principal }) => countUnread(deps, principal),
  readMessage: ({ principal, params }) => readMessage(deps, principal, params.messageId),
  readAllMessages: ({ principal }) => readAllMessages(deps, principal),
  getMessagePreferences: ({ principal }) => getPreferences(deps, principal),
  putMessagePreferences: ({ principal, body }) => setPreferences(deps, principal, body),
});
