import { unitsRoutes } from '#shared/catalogue/routes/units';
import { callerRecheck } from '#shared/http/caller-check';
import { httpFunction } from '#shared/http/http-function';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import { createUnit } from './create-unit/use-case';
import { deactivateUnit } from './deactivate-unit/use-case';
import type { UnitsDeps } from './deps';
import { getUnit } from './get-unit/use-case';
import { importUnits } from './import-units/use-case';
import { listUnits } from './list-units/use-case';
import { updateUnit } from './update-unit/use-case';

const deps: UnitsDeps = { units: new DynamoUnitStore(tableFromEnvironment()), now: () => new Date() };

export const handler = httpFunction(
  unitsRoutes,
  {
    listUnits: ({ query }) => listUnits(deps, query),
    createUnit: ({ body }) => createUnit(deps, body),
    importUnits: ({ body }) => importUnits(deps, body),
    getUnit: ({ principal, params }) => getUnit(deps, principal, params.unitId),
    updateUnit: ({ params, body }) => updateUnit(deps, params.unitId, body),
    deactivateUnit: ({ params, body }) => deactivateUnit(deps, params.unitId, body.version),
  },
  { recheck: callerRecheck() },
);
