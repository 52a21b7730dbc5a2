import middy from '@middy/core';
import { injectLambdaContext, logger } from '#shared/http/logger';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoDuplicateIndexStore } from '#shared/store/dynamo/duplicate-index';
import { parseIndexerEvent, runIndexer } from './run';
import type { IndexerDeps } from './use-case';

const deps: IndexerDeps = {
  index: new DynamoDuplicateIndexStore(tableFromEnvironment()),
  now: () => new Date(),
};

/**
 * The near-duplicate indexer: `{ kind: 'index', itemIds }` (asynchronous invoke right after a
 * submission commits) or the `lsh-index` job event (the sweep every 5 minutes). It writes each
 * pending signature's LSH bucket rows, then clears its pending mark; a failure throws, so Lambda
 * retries the invoke and the sweep finds what is still pending.
 */
export const handler = middy<unknown>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const result = await runIndexer(deps, parseIndexerEvent(event));
    logger.info('lsh indexer finished', result);
    return result;
  });
