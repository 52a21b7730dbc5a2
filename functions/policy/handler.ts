import { policyRoutes } from '#shared/catalogue/routes/policy';
import { httpFunction } from '#shared/http/http-function';
import { DynamoBulletinStore } from '#shared/store/dynamo/bulletins';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoFactStore } from '#shared/store/dynamo/facts';
import { DynamoPolicyStore } from '#shared/store/dynamo/policy';
import { DynamoReplayStore } from '#shared/store/dynamo/replays';
import { DynamoScoringFactStore } from '#shared/store/dynamo/scoring-facts';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import type { PolicyDeps } from './deps';
import { getPolicy } from './get-policy/use-case';
import { listReplays } from './list-replays/use-case';
import { putPolicy } from './put-policy/use-case';
import { replayPolicy } from './replay-year/use-case';

const table = tableFromEnvironment();
const scoringFacts = new DynamoScoringFactStore(table);
const bulletins = new DynamoBulletinStore(table);
const itemFacts = new DynamoFactStore(table);
const deps: PolicyDeps = {
  policies: new DynamoPolicyStore(table),
  units: new DynamoUnitStore(table),
  scoringFacts: (year) => scoringFacts.ofYear(year),
  publishedIssues: (year) => bulletins.ofYear(year),
  itemFacts: (itemId) => itemFacts.ofItem(itemId),
  replays: new DynamoReplayStore(table),
  now: () => new Date(),
};

export const handler = httpFunction(policyRoutes, {
  getPolicy: ({ params, query }) => getPolicy(deps, params.year, query.version),
  putPolicy: ({ principal, params, body }) => putPolicy(deps, params.year, body, principal.tokenId),
  replayPolicy: ({ principal, params, query }) =>
    replayPolicy(deps, principal, params.year, query.dryRun === 'true'),
  listPolicyReplays: ({ params }) => listReplays(deps, params.year),
});
