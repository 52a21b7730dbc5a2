import { commissionsRoutes } from '#shared/catalogue/routes/commissions';
import { httpFunction } from '#shared/http/http-function';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoCommissionStore } from '#shared/store/dynamo/commissions';
import { DynamoMessageWriter } from '#shared/store/dynamo/messages';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import { createCommission } from './create-commission/use-case';
import type { CommissionsDeps } from './deps';
import { getCommission } from './get-commission/use-case';
import { listCommissions } from './list-commissions/use-case';
import { listUnitCommissions } from './list-unit-commissions/use-case';

const table = tableFromEnvironment();
const deps: CommissionsDeps = {
  commissions: new DynamoCommissionStore(table),
  units: new DynamoUnitStore(table),
  messages: new DynamoMessageWriter(table),
  now: () => new Date(),
};

export const handler = httpFunction(commissionsRoutes, {
  createCommission: ({ principal, body }) => createCommission(deps, principal, body),
  listCommissions: ({ query }) => listCommissions(deps, query),
  getCommission: ({ principal, params }) => getCommission(deps, principal, params.commissionId),
  listUnitCommissions: ({ principal, params }) => listUnitCommissions(deps, principal, params.unitId),
});
