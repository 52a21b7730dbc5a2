import { bulletinsRoutes } from '#shared/catalogue/routes/bulletins';
import { httpFunction } from '#shared/http/http-function';
import { DynamoBulletinStore } from '#shared/store/dynamo/bulletins';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoItemRecords } from '#shared/store/dynamo/item-records';
import { DynamoSeriesStore } from '#shared/store/dynamo/series';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import { createBulletin } from './create-bulletin/use-case';
import type { DraftDeps } from './deps';
import { getBulletin } from './get-bulletin/use-case';
import { listBulletins } from './list-bulletins/use-case';
import { updateBulletin } from './update-bulletin/use-case';

// Drafts only: publishing, withdrawal and the Word file are the publishing function's
// (functions/publishing), so this bundle holds neither docx nor the S3 and Lambda clients.
const table = tableFromEnvironment();
const deps: DraftDeps = {
  bulletins: new DynamoBulletinStore(table),
  items: new DynamoItemRecords(table),
  units: new DynamoUnitStore(table),
  series: new DynamoSeriesStore(table),
  now: () => new Date(),
};

export const handler = httpFunction(bulletinsRoutes, {
  createBulletin: ({ principal, body }) => createBulletin(deps, principal, body),
  listBulletins: ({ query }) => listBulletins(deps, query),
  getBulletin: ({ params }) => getBulletin(deps, params.bulletinId),
  updateBulletin: ({ principal, params, body }) => updateBulletin(deps, principal, params.bulletinId, body),
});
