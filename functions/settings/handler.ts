import { httpFunction } from '#shared/http/http-function';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoSettingsStore } from '#shared/store/dynamo/settings';
import type { SettingsDeps } from './deps';
import { getDutyRecipients } from './get-duty-recipients/use-case';
import { putDutyRecipients } from './put-duty-recipients/use-case';

const deps: SettingsDeps = {
  settings: new DynamoSettingsStore(tableFromEnvironment()),
  now: () => new Date(),
};

export const handler = httpFunction('settings', {
  getDutyRecipients: () => getDutyRecipients(deps),
  putDutyRecipients: ({ principal, body }) => putDutyRecipients(deps, body, principal.tokenId),
});
