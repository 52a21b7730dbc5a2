import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { type JobEvent, jobEvent } from '#events/job-event';
import { injectLambdaContext, logger } from '#shared/http/logger';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoJobRunStore } from '#shared/store/dynamo/job-runs';
import { heartbeat } from './use-case';

const deps = { jobRuns: new DynamoJobRunStore(tableFromEnvironment()), now: () => new Date() };

export const handler = middy<JobEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(parser({ schema: jobEvent }))
  .handler(async (event) => {
    const result = await heartbeat(deps, event.scheduledTime);
    logger.info('job finished', result);
    return result;
  });
