import { httpFunction } from '#shared/http/http-function';
import { periodCounts } from '#shared/store/dynamo/aggregates';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { ledgerOf } from '#shared/store/dynamo/ledger';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import type { ScoresDeps } from './deps';
import { getLedger } from './get-ledger/use-case';
import { getRankings } from './get-rankings/use-case';

const table = tableFromEnvironment();
const deps: ScoresDeps = {
  units: new DynamoUnitStore(table),
  counts: (period) => periodCounts(table, period),
  ledger: (unitId, from, to) => ledgerOf(table, unitId, from, to),
  now: () => new Date(),
};

export const handler = httpFunction('scores', {
  getRankings: ({ query }) => getRankings(deps, query),
  getUnitLedger: ({ principal, params, query }) => getLedger(deps, principal, params.unitId, query.period),
});
