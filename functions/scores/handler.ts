import { httpFunction } from '#shared/http/http-function';
import { periodCounts } from '#shared/store/dynamo/aggregates';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import type { ScoresDeps } from './deps';
import { getRankings } from './get-rankings/use-case';

const table = tableFromEnvironment();
const deps: ScoresDeps = {
  units: new DynamoUnitStore(table),
  counts: (period) => periodCounts(table, period),
  now: () => new Date(),
};

export const handler = httpFunction('scores', {
  getRankings: ({ query }) => getRankings(deps, query),
});
