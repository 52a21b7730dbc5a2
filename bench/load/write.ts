import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { SingleBar } from 'cli-progress';
import type { TableRef } from '../../shared/store/dynamo/client';
import type { Row } from './city';

/** DynamoDB's limit on one BatchWriteItem. */
const batchSize = 25;

export interface WriteOptions {
  /** Batches in flight at once (default 8). */
  parallel?: number;
  /** Label of the progress bar on stderr; no bar when undefined. */
  label?: string;
}

function progress(label: string | undefined, total: number) {
  if (!label) return { update: (_done: number) => {}, stop: () => {} };
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} rows | {eta_formatted}`,
    stream: process.stderr,
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 2000,
  });
  bar.start(total, 0);
  return { update: (done: number) => bar.update(done), stop: () => bar.stop() };
}

/** Writes one batch until DynamoDB has taken every row (unprocessed rows go again, after a pause). */
async function writeBatch(table: TableRef, rows: Row[]): Promise<void> {
  let pending = rows.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)));
    const result = await table.client.send(
      new BatchWriteCommand({ RequestItems: { [table.tableName]: pending } }),
    );
    pending = (result.UnprocessedItems?.[table.tableName] ?? []).flatMap((request) =>
      request.PutRequest?.Item ? [{ PutRequest: { Item: request.PutRequest.Item } }] : [],
    );
  }
}

/** Puts every row with parallel BatchWriteItem calls, showing a progress bar on stderr. */
export async function writeRows(
  table: TableRef,
  rows: Iterable<Row>,
  total: number,
  options: WriteOptions = {},
) {
  const bar = progress(options.label, total);
  const source = rows[Symbol.iterator]();
  const take = () => {
    const batch: Row[] = [];
    for (let next = source.next(); !next.done; next = source.next()) {
      batch.push(next.value);
      if (batch.length === batchSize) break;
    }
    return batch;
  };
  let done = 0;
  const worker = async () => {
    for (let batch = take(); batch.length > 0; batch = take()) {
      await writeBatch(table, batch);
      done += batch.length;
      bar.update(done);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.parallel ?? 8 }, worker));
  } finally {
    bar.stop();
  }
}
