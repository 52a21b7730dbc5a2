/**
 * Counters of what a piece of code costs: items a DynamoDB client reads (a middleware on the SDK
 * client's own stack), and objects the S3 client writes per bucket (a transport around its
 * requests), so the code measured runs unchanged.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localS3HttpClient } from '../../infra/local/aws';
import { nodeTransport, type S3HttpClient, type S3Transport } from '../../shared/store/s3/http-client';

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

/**
 * Objects written (put, copied or deleted) per bucket through the functions' own S3 client aimed
 * at the emulator (path-style); `reset()` starts again.
 */
export function countS3Writes(endpoint: string): {
  client: S3HttpClient;
  written(bucket: string): number;
  keys(bucket: string): string[];
  reset(): void;
} {
  let writes = new Map<string, string[]>();
  const counting: S3Transport = async (request, idleTimeoutMs) => {
    const response = await nodeTransport(request, idleTimeoutMs);
    const ok = response.status >= 200 && response.status < 300;
    if (ok && (request.method === 'PUT' || request.method === 'DELETE')) {
      const [bucket = '', ...key] = request.url.pathname.split('/').slice(1).map(decodeURIComponent);
      const list = writes.get(bucket) ?? [];
      list.push(`${request.method === 'DELETE' ? 'delete' : 'put'} ${key.join('/')}`);
      writes.set(bucket, list);
    }
    return response;
  };
  return {
    client: localS3HttpClient(endpoint, counting),
    written: (bucket) => writes.get(bucket)?.length ?? 0,
    keys: (bucket) => [...(writes.get(bucket) ?? [])],
    reset: () => {
      writes = new Map();
    },
  };
}
