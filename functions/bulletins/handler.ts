import { archivePublisherFromEnvironment } from '#shared/archive/environment';
import { renderBulletinRecord } from '#shared/archive/render/record';
import { defaultOfficeName, readConfig, readOptionalConfig } from '#shared/config';
import { httpFunction } from '#shared/http/http-function';
import { renderBulletinDocx } from '#shared/render/docx/bulletin';
import { DynamoBulletinStore } from '#shared/store/dynamo/bulletins';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoItemStore } from '#shared/store/dynamo/items';
import { DynamoPolicyStore } from '#shared/store/dynamo/policy';
import { DynamoSeriesStore } from '#shared/store/dynamo/series';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import { mailDispatcherFromEnvironment } from '#shared/store/lambda/mail-dispatcher';
import { S3BulletinFiles } from '#shared/store/s3/bulletin-files';
import { s3Client } from '#shared/store/s3/client';
import { createBulletin } from './create-bulletin/use-case';
import type { BulletinsDeps } from './deps';
import { getBulletin } from './get-bulletin/use-case';
import { getDocx } from './get-docx/use-case';
import { listBulletins } from './list-bulletins/use-case';
import { publishBulletin } from './publish-bulletin/use-case';
import { updateBulletin } from './update-bulletin/use-case';
import { withdrawBulletin } from './withdraw-bulletin/use-case';

const table = tableFromEnvironment();
const deps: BulletinsDeps = {
  bulletins: new DynamoBulletinStore(table),
  items: new DynamoItemStore(table),
  units: new DynamoUnitStore(table),
  series: new DynamoSeriesStore(table),
  policies: new DynamoPolicyStore(table),
  files: new S3BulletinFiles(s3Client(), readConfig('attachmentsBucket')),
  archive: archivePublisherFromEnvironment(table).publisher,
  mail: mailDispatcherFromEnvironment(),
  renderDocx: renderBulletinDocx,
  renderRecord: renderBulletinRecord,
  officeName: readOptionalConfig('officeName') ?? defaultOfficeName,
  now: () => new Date(),
};

export const handler = httpFunction('bulletins', {
  createBulletin: ({ principal, body }) => createBulletin(deps, principal, body),
  listBulletins: ({ query }) => listBulletins(deps, query),
  getBulletin: ({ params }) => getBulletin(deps, params.bulletinId),
  updateBulletin: ({ principal, params, body }) => updateBulletin(deps, principal, params.bulletinId, body),
  publishBulletin: ({ principal, params, body }) => publishBulletin(deps, principal, params.bulletinId, body),
  withdrawBulletin: ({ principal, params, body }) =>
    withdrawBulletin(deps, principal, params.bulletinId, body),
  getBulletinDocx: ({ params }) => getDocx(deps, params.bulletinId),
});
