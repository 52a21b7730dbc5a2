import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { ServiceUnavailableError } from '../../errors';
import type { TableRef } from './client';
import { rethrowStoreError } from './errors';

/** DynamoDB's limits per BatchGetItem and per BatchWriteItem request. */
export const batchGetLimit = 100;
export const batchWriteLimit = 25;
/** Unprocessed keys are retried this many times (with a short back-off) before the call fails. */
const batchAttempts = 8;

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));

export function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < values.length; index += size) out.push(values.slice(index, index + size));
  return out;
}

/**
 * Sends a batch request until DynamoDB has processed all of it: `send` answers what is left
 * unprocessed, which is sent again after a short back-off; throttling that outlasts the attempts
 * is the caller's to retry later (STORE_BUSY, as for any other call).
 */
export async function untilProcessed<T>(requests: T[], send: (requests: T[]) => Promise<T[]>): Promise<void> {
  let left = requests;
  for (let attempt = 0; left.length > 0; attempt += 1) {
    if (attempt >= batchAttempts) throw new ServiceUnavailableError('STORE_BUSY', '系统繁忙，请稍后重试');
    if (attempt > 0) await pause(attempt);
    left = await send(left);
  }
}

/**
 * Rows by key (BatchGetItem, 100 keys a request, unprocessed keys retried); keys with no row are
 * left out, and the rows come back in no particular order.
 */
export async function batchGetRows(
  table: TableRef,
  rowKeys: readonly Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  await Promise.all(
    chunks(rowKeys, batchGetLimit).map((chunk) =>
      untilProcessed<Record<string, unknown>>([...chunk], async (requested) => {
        const answer = await table.client
          .send(new BatchGetCommand({ RequestItems: { [table.tableName]: { Keys: requested } } }))
          .catch(rethrowStoreError);
        found.push(...(answer.Responses?.[table.tableName] ?? []));
        return (answer.UnprocessedKeys?.[table.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }),
    ),
  );
  return found;
}
