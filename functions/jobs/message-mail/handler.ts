import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { type JobEvent, jobEvent } from '#events/job-event';
import { injectLambdaContext, logger } from '#shared/http/logger';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { mailSenderFromEnvironment } from '#shared/store/ses/mail-sender';
import { messageMailDeps } from './deps';
import { sendMessageMail } from './use-case';

const deps = messageMailDeps(tableFromEnvironment(), mailSenderFromEnvironment());

export const handler = middy<JobEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(parser({ schema: jobEvent }))
  .handler(async (event) => {
    const result = await sendMessageMail(deps, event.scheduledTime);
    logger.info('job finished', result);
    return result;
  });
