import { tokensRoutes } from '#shared/catalogue/routes/tokens';
import { callerRecheck } from '#shared/http/caller-check';
import { httpFunction } from '#shared/http/http-function';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoPersonStore } from '#shared/store/dynamo/people';
import { DynamoTokenStore } from '#shared/store/dynamo/tokens';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import type { TokensDeps } from './deps';
import { issueToken } from './issue-token/use-case';
import { listTokens } from './list-tokens/use-case';
import { revokeToken } from './revoke-token/use-case';
import { whoAmI } from './who-am-i/use-case';

const table = tableFromEnvironment();
const deps: TokensDeps = {
  tokens: new DynamoTokenStore(table),
  units: new DynamoUnitStore(table),
  now: () => new Date(),
};
const people = new DynamoPersonStore(table);

export const handler = httpFunction(
  tokensRoutes,
  {
    whoAmI: ({ principal }) => whoAmI({ people }, principal),
    listTokens: ({ query }) => listTokens(deps, query),
    issueToken: ({ principal, body }) => issueToken(deps, body, principal.tokenId),
    revokeToken: ({ params }) => revokeToken(deps, params.tokenId),
  },
  { recheck: callerRecheck() },
);
