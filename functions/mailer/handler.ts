import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { defaultOfficeName, readOptionalConfig } from '#shared/config';
import { injectLambdaContext, logger } from '#shared/http/logger';
import { DynamoBulletinStore } from '#shared/store/dynamo/bulletins';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoOutboxStore } from '#shared/store/dynamo/outbox';
import { DynamoSeriesStore } from '#shared/store/dynamo/series';
import { DynamoSettingsStore } from '#shared/store/dynamo/settings';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import { mailSenderFromEnvironment } from '#shared/store/ses/mail-sender';
import type { MailerDeps } from './deps';
import { DynamoAlertItemReader } from './item-reader';
import { type MailerEvent, mailerEvent, runMailer } from './run';

const table = tableFromEnvironment();
const settings = new DynamoSettingsStore(table);
const deps: MailerDeps = {
  outbox: new DynamoOutboxStore(table),
  items: new DynamoAlertItemReader(table),
  units: new DynamoUnitStore(table),
  settings,
  bulletins: new DynamoBulletinStore(table),
  leaders: settings,
  series: new DynamoSeriesStore(table),
  archiveUrl: readOptionalConfig('archiveUrl'),
  officeName: readOptionalConfig('officeName') ?? defaultOfficeName,
  sender: mailSenderFromEnvironment(),
  now: () => new Date(),
  log: logger,
};

/**
 * The mailer: `{ kind: 'send', messageIds }` (asynchronous invoke right after a submission or a
 * bulletin's publication) or the
 * `mail-outbox` job event (the sweep every 5 minutes). A per-entry failure stays in the outbox for
 * the sweep; only a failure outside that bookkeeping makes the run fail (and Lambda retry it).
 */
export const handler = middy<MailerEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(parser({ schema: mailerEvent }))
  .handler(async (event) => {
    const result = await runMailer(deps, event);
    logger.info('mailer finished', result);
    return result;
  });
