import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { type JobEvent, jobEvent } from '#events/job-event';
import { injectLambdaContext, logger } from '#shared/http/logger';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { monthCloseDeps } from './deps';
import { closeMonth } from './use-case';

const deps = monthCloseDeps(tableFromEnvironment());

export const handler = middy<JobEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(parser({ schema: jobEvent }))
  .handler(async (event) => {
    const result = await closeMonth(deps, event.scheduledTime, event.period);
    logger.info('job finished', result);
    return result;
  });
