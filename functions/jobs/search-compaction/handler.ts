import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { type JobEvent, jobEvent } from '#events/job-event';
import { archivePublisherFromEnvironment } from '#shared/archive/environment';
import { injectLambdaContext, logger } from '#shared/http/logger';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { compactSearch } from './use-case';

const deps = { archive: archivePublisherFromEnvironment(tableFromEnvironment()).publisher };

export const handler = middy<JobEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(parser({ schema: jobEvent }))
  .handler(async () => {
    const result = await compactSearch(deps);
    logger.info('job finished', { ...result });
    return result;
  });
