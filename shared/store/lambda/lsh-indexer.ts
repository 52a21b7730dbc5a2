import { envNames, readConfig } from '../../config';
import type { DuplicateIndexRequester } from '../ports';
import { type AsyncInvoker, lambdaInvoker } from './async-invoke';

export const lshIndexerFunctionEnv = envNames.lshIndexerFunctionName;

/** What the LSH indexer accepts on an asynchronous invoke. */
export interface IndexRequest {
  kind: 'index';
  itemIds: string[];
}

/**
 * Asks the LSH indexer to write the bucket rows of signatures just committed: an asynchronous
 * invoke (202 at once, two retries by Lambda). A lost request leaves the signature pending, and
 * the `lsh-index-sweep` schedule indexes it within minutes. LSH_INDEXER_FUNCTION_NAME is read on
 * the first request, so a missing name fails the request only.
 */
export function duplicateIndexRequesterFromEnvironment(invoke?: AsyncInvoker): DuplicateIndexRequester {
  let target: { functionName: string; invoke: AsyncInvoker } | undefined;
  return {
    async request(itemIds) {
      if (itemIds.length === 0) return;
      // Made on the first request, not at the handler's cold start.
      target ??= {
        functionName: readConfig('lshIndexerFunctionName'),
        invoke: invoke ?? lambdaInvoker(),
      };
      const request: IndexRequest = { kind: 'index', itemIds };
      await target.invoke(target.functionName, request);
    },
  };
}
