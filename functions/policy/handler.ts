import { httpFunction } from '#shared/http/http-function';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoPolicyStore } from '#shared/store/dynamo/policy';
import type { PolicyDeps } from './deps';
import { getPolicy } from './get-policy/use-case';
import { putPolicy } from './put-policy/use-case';

const deps: PolicyDeps = {
  policies: new DynamoPolicyStore(tableFromEnvironment()),
  now: () => new Date(),
};

export const handler = httpFunction('policy', {
  getPolicy: ({ params, query }) => getPolicy(deps, params.year, query.version),
  putPolicy: ({ principal, params, body }) => putPolicy(deps, params.year, body, principal.tokenId),
});
