/**
 * The near-duplicate index in tests. In-process: a requester that runs the LSH indexer's own use
 * case at once (what the asynchronous invoke does a moment later in both runtimes). Against a
 * running stack: a wait until the indexer has cleared the pending marks of given items, polled on
 * the table (never a fixed sleep).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { indexSignatures } from '../../functions/lsh-indexer/use-case';
import { localDynamoClient } from '../../infra/local/aws';
import { localNames } from '../../infra/local/env';
import { documentClient, type TableRef } from '../../shared/store/dynamo/client';
import { DynamoDuplicateIndexStore } from '../../shared/store/dynamo/duplicate-index';
import { keys } from '../../shared/store/dynamo/keys';
import type { DuplicateIndexRequester } from '../../shared/store/ports';

export function inProcessIndexer(table: TableRef): DuplicateIndexRequester {
  const deps = { index: new DynamoDuplicateIndexStore(table), now: () => new Date() };
  return {
    async request(itemIds) {
      await indexSignatures(deps, itemIds);
    },
  };
}

/** Resolves once every item's signature is indexed (no longer pending); fails after `timeoutMs`. */
export async function awaitDuplicateIndex(
  table: TableRef,
  itemIds: readonly string[],
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let waiting = [...itemIds];
  while (waiting.length > 0) {
    const still: string[] = [];
    for (const itemId of waiting) {
      const { Item } = await table.client.send(
        new GetCommand({
          TableName: table.tableName,
          Key: keys.duplicateSignature(itemId),
          ConsistentRead: true,
        }),
      );
      if (!Item || Item.gsi3pk === keys.duplicateSignaturesPending) still.push(itemId);
    }
    waiting = still;
    if (waiting.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`near-duplicate index: ${waiting.join(', ')} still not indexed after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The same wait against a running local stack's table (end-to-end and reliability suites). */
export async function awaitStackDuplicateIndex(
  stack: { urls: { dynamodb: string } },
  itemIds: readonly string[],
  timeoutMs?: number,
): Promise<void> {
  const table = {
    client: documentClient(localDynamoClient(stack.urls.dynamodb)),
    tableName: localNames.table,
  };
  try {
    await awaitDuplicateIndex(table, itemIds, timeoutMs);
  } finally {
    table.client.destroy();
  }
}
