import type { BulletinsDeps } from '#functions/bulletins/deps';
import { getDocx } from '#functions/bulletins/get-docx/use-case';
import { publishBulletin } from '#functions/bulletins/publish-bulletin/use-case';
import { withdrawBulletin } from '#functions/bulletins/withdraw-bulletin/use-case';
import { archivePublisherFromEnvironment } from '#shared/archive/environment';
import { renderBulletinRecord } from '#shared/archive/render/record';
import { publishingRoutes } from '#shared/catalogue/routes/publishing';
import { defaultOfficeName, readConfig, readOptionalConfig } from '#shared/config';
import { httpFunction } from '#shared/http/http-function';
import { DynamoBulletinStore } from '#shared/store/dynamo/bulletins';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoItemStore } from '#shared/store/dynamo/items';
import { DynamoMessageWriter } from '#shared/store/dynamo/messages';
import { DynamoPolicyStore } from '#shared/store/dynamo/policy';
import { DynamoSeriesStore } from '#shared/store/dynamo/series';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import { mailDispatcherFromEnvironment } from '#shared/store/lambda/mail-dispatcher';
import { wordRendererFromEnvironment } from '#shared/store/lambda/word-renderer';
import { S3BulletinFiles } from '#shared/store/s3/bulletin-files';
import { s3Client } from '#shared/store/s3/client';

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
  // The Word renderer function makes the .docx (publish): docx is not in this bundle.
  renderDocx: wordRendererFromEnvironment(),
  renderRecord: renderBulletinRecord,
  officeName: readOptionalConfig('officeName') ?? defaultOfficeName,
  messages: new DynamoMessageWriter(table),
  now: () => new Date(),
};

// The bulletin routes that make or serve files: the Word file (docx), the archive record, mail.
// The use cases are the bulletins folder's; drafting stays in the bulletins function.
export const handler = httpFunction(publishingRoutes, {
  publishBulletin: ({ principal, params, body }) => publishBulletin(deps, principal, params.bulletinId, body),
  withdrawBulletin: ({ principal, params, body }) =>
    withdrawBulletin(deps, principal, params.bulletinId, body),
  getBulletinDocx: ({ params }) => getDocx(deps, params.bulletinId),
});
