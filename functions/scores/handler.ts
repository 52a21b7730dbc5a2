import { scoresRoutes } from '#shared/catalogue/routes/scores';
import { defaultPolicy } from '#shared/domain/scoring/defaults';
import { httpFunction } from '#shared/http/http-function';
import { periodCounts, periodCountsWithPrevious, periodRows } from '#shared/store/dynamo/aggregates';
import { DynamoBulletinStore } from '#shared/store/dynamo/bulletins';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoCommissionStore } from '#shared/store/dynamo/commissions';
import { DynamoFactStore } from '#shared/store/dynamo/facts';
import { ledgerOf } from '#shared/store/dynamo/ledger';
import { periodPeopleCounts } from '#shared/store/dynamo/people-counts';
import { DynamoPolicyStore } from '#shared/store/dynamo/policy';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import { commissionsOfYear } from './commissions-of-year';
import type { ScoresDeps } from './deps';
import { getLedger } from './get-ledger/use-case';
import { getOverdue } from './get-overdue/use-case';
import { getPeopleRankings } from './get-people-rankings/use-case';
import { getRankings } from './get-rankings/use-case';
import { getStatistics } from './get-statistics/use-case';

const table = tableFromEnvironment();
const policies = new DynamoPolicyStore(table);
const commissions = new DynamoCommissionStore(table);
const bulletins = new DynamoBulletinStore(table);
const facts = new DynamoFactStore(table);
const deps: ScoresDeps & Required<Pick<ScoresDeps, 'personCounts'>> = {
  units: new DynamoUnitStore(table),
  counts: (period) => periodCounts(table, period),
  countsWithPrevious: (period) => periodCountsWithPrevious(table, period),
  rows: (period) => periodRows(table, period),
  personCounts: (period) => periodPeopleCounts(table, period),
  publishedIssues: (year) => bulletins.ofYear(year),
  ledger: (unitId, from, to) => ledgerOf(table, unitId, from, to),
  policy: async (year) => (await policies.latest(year)) ?? defaultPolicy(year),
  commissionsOfYear: commissionsOfYear(commissions),
  instructionsOfItem: async (itemId) => (await facts.ofItem(itemId)).instructions,
  now: () => new Date(),
};

export const handler = httpFunction(scoresRoutes, {
  getRankings: ({ query }) => getRankings(deps, query),
  getPeopleRankings: ({ query }) => getPeopleRankings(deps, query),
  getUnitLedger: ({ principal, params, query }) => getLedger(deps, principal, params.unitId, query.period),
  getOverdueReport: () => getOverdue(deps),
  getStatistics: ({ params }) => getStatistics(deps, params.year),
});
