import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { logger } from '#shared/http/logger';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoDuplicateIndexStore } from '#shared/store/dynamo/duplicate-index';
import { type IndexerEvent, indexerEvent, runIndexer } from './run';
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
export const handler = middy<IndexerEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(parser({ schema: indexerEvent }))
  .handler(async (event) => {
    const result = await runIndexer(deps, event);
    logger.info('lsh indexer finished', result);
    return result;
  });
