import type { LambdaClient } from '@aws-sdk/client-lambda';
import { envNames, readConfig } from '../../config';
import type { DuplicateIndexRequester } from '../ports';
import { asyncInvokeClient, invokeAsync } from './async-invoke';

export const lshIndexerFunctionEnv = envNames.lshIndexerFunctionName;

/** What the LSH indexer accepts on an asynchronous invoke. */
export interface IndexRequest {
  kind: 'index';
  itemIds: string[];
}

/**
 * Asks the LSH indexer to write the bucket rows of signatures just committed: an asynchronous
 * invoke (202 at once, two retries by Lambda). A lost request leaves the signature pending, and
 * the `lsh-index-sweep` schedule indexes it within minutes.
 */
export class LambdaDuplicateIndexRequester implements DuplicateIndexRequester {
  constructor(
    private readonly functionName: string,
    private readonly client: LambdaClient = asyncInvokeClient(),
  ) {}

  async request(itemIds: string[]): Promise<void> {
    if (itemIds.length === 0) return;
    const request: IndexRequest = { kind: 'index', itemIds };
    await invokeAsync(this.client, this.functionName, request);
  }
}

/** The requester for a handler module: reads LSH_INDEXER_FUNCTION_NAME lazily (a missing name fails the request only). */
export function duplicateIndexRequesterFromEnvironment(client?: LambdaClient): DuplicateIndexRequester {
  let requester: LambdaDuplicateIndexRequester | undefined;
  return {
    async request(itemIds) {
      requester ??= new LambdaDuplicateIndexRequester(readConfig('lshIndexerFunctionName'), client);
      return requester.request(itemIds);
    },
  };
}
