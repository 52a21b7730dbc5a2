import { systemRoutes } from '#shared/catalogue/routes/system';
import { readOptionalConfig } from '#shared/config';
import { httpFunction } from '#shared/http/http-function';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoJobRunStore } from '#shared/store/dynamo/job-runs';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import { getHealth } from './get-health/use-case';
import { getOpenApi } from './get-openapi/use-case';

const table = tableFromEnvironment();
const version = readOptionalConfig('appVersion') ?? '0.1.0';
const deps = {
  units: new DynamoUnitStore(table),
  jobRuns: new DynamoJobRunStore(table),
  version,
  now: () => new Date(),
};

export const handler = httpFunction(systemRoutes, {
  getHealth: () => getHealth(deps),
  getOpenApi: async () => getOpenApi(version),
});
