/**
 * SDK middlewares that count what a piece of code costs: items a DynamoDB client reads, and
 * objects an S3 client writes per bucket. Added to the client's own middleware stack, so the
 * code measured runs unchanged.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';

export interface ReadCount {
  /** Items returned: Items of Query/Scan, Item of GetItem, Responses of BatchGet/TransactGet. */
  items: number;
  /** ScannedCount of Query/Scan (items DynamoDB looked at, filters included). */
  scanned: number;
  calls: number;
  byCommand: Record<string, number>;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;

function itemsIn(output: Record<string, unknown>): number {
  let count = 0;
  if (Array.isArray(output.Items)) count += output.Items.length;
  if (record(output.Item)) count += 1;
  const responses = output.Responses;
  if (Array.isArray(responses)) count += responses.filter((entry) => record(record(entry)?.Item)).length;
  else if (record(responses)) {
    for (const list of Object.values(record(responses) ?? {})) if (Array.isArray(list)) count += list.length;
  }
  return count;
}

/** Counts every item the client's commands return from now on; `reset()` starts again. */
export function countDynamoReads(client: DynamoDBClient): { read(): ReadCount; reset(): void } {
  let count: ReadCount = { items: 0, scanned: 0, calls: 0, byCommand: {} };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const output = record(result.output) ?? {};
      const items = itemsIn(output);
      const name = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      count.calls += 1;
      count.items += items;
      count.scanned += typeof output.ScannedCount === 'number' ? output.ScannedCount : 0;
      count.byCommand[name] = (count.byCommand[name] ?? 0) + items;
      return result;
    },
    { step: 'initialize', name: 'benchCountReads' },
  );
  return {
    read: () => ({ ...count, byCommand: { ...count.byCommand } }),
    reset: () => {
      count = { items: 0, scanned: 0, calls: 0, byCommand: {} };
    },
  };
}

const writeCommands = new Set(['PutObject', 'DeleteObject', 'CopyObject', 'DeleteObjects', 'UploadPart']);

/** Objects written (put, copied or deleted) per bucket; `reset()` starts again. */
export function countS3Writes(client: S3Client): {
  written(bucket: string): number;
  keys(bucket: string): string[];
  reset(): void;
} {
  let writes = new Map<string, string[]>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName ?? '').replace(/Command$/, '');
      const result = await next(args);
      if (writeCommands.has(name)) {
        const input = record(args.input) ?? {};
        const bucket = String(input.Bucket ?? '');
        const list = writes.get(bucket) ?? [];
        const objects = record(input.Delete)?.Objects;
        if (name === 'DeleteObjects' && Array.isArray(objects)) {
          for (const object of objects) list.push(`delete ${String(record(object)?.Key)}`);
        } else list.push(`${name === 'DeleteObject' ? 'delete' : 'put'} ${String(input.Key)}`);
        writes.set(bucket, list);
      }
      return result;
    },
    { step: 'initialize', name: 'benchCountWrites' },
  );
  return {
    written: (bucket) => writes.get(bucket)?.length ?? 0,
    keys: (bucket) => [...(writes.get(bucket) ?? [])],
    reset: () => {
      writes = new Map();
    },
  };
}
