import { settingsRoutes } from '#shared/catalogue/routes/settings';
import { httpFunction } from '#shared/http/http-function';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoSeriesStore } from '#shared/store/dynamo/series';
import { DynamoSettingsStore } from '#shared/store/dynamo/settings';
import type { SettingsDeps } from './deps';
import { getDutyRecipients } from './get-duty-recipients/use-case';
import { getLeaderRecipients } from './get-leader-recipients/use-case';
import { getSeries } from './get-series/use-case';
import { putDutyRecipients } from './put-duty-recipients/use-case';
import { putLeaderRecipients } from './put-leader-recipients/use-case';
import { putSeries } from './put-series/use-case';

const table = tableFromEnvironment();
const settings = new DynamoSettingsStore(table);
const deps: SettingsDeps = {
  settings,
  leaders: settings,
  series: new DynamoSeriesStore(table),
  now: () => new Date(),
};

export const handler = httpFunction(settingsRoutes, {
  getDutyRecipients: () => getDutyRecipients(deps),
  putDutyRecipients: ({ principal, body }) => putDutyRecipients(deps, body, principal.tokenId),
  getLeaderRecipients: () => getLeaderRecipients(deps),
  putLeaderRecipients: ({ principal, body }) => putLeaderRecipients(deps, body, principal.tokenId),
  getSeries: () => getSeries(deps),
  putSeries: ({ body }) => putSeries(deps, body),
});
