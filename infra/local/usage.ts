/**
 * What the local stack did that AWS would bill, counted while it runs: DynamoDB read and write
 * units (estimated by the DynamoDB front from each request and answer, see dynamo/usage.ts),
 * Lambda invocations and their durations (the function host), and the HTTP requests the process
 * sent to S3 and SES (Node's HTTP client diagnostics). Off unless `XINBAO_LOCAL_USAGE=1`; read with
 * `GET <dynamodb endpoint>/__xinbao/usage` (the bench's bill, bench/support/bill.ts).
 */
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

export const usageEnv = 'XINBAO_LOCAL_USAGE';
export const usagePath = '/__xinbao/usage';

export interface FunctionUsage {
  invocations: number;
  /** Wall-clock milliseconds of all invocations (what Lambda bills, rounded up per ms). */
  ms: number;
}

export interface DynamoOperationUsage {
  requests: number;
  readUnits: number;
  writeUnits: number;
}

export interface LocalUsage {
  dynamo: Record<string, DynamoOperationUsage>;
  lambda: Record<string, FunctionUsage>;
  s3: { put: number; get: number };
  ses: { messages: number };
}

const emptyUsage = (): LocalUsage => ({
  dynamo: {},
  lambda: {},
  s3: { put: 0, get: 0 },
  ses: { messages: 0 },
});

let current: LocalUsage | undefined;

/** True when this process counts its usage. */
export function usageEnabled(): boolean {
  return current !== undefined;
}

/** Starts counting (idempotent). `endpoints` are the S3 and SES emulators' origins. */
export function startUsage(endpoints: { s3: string; ses: string }): void {
  if (current) return;
  current = emptyUsage();
  const s3 = new URL(endpoints.s3).port;
  const ses = new URL(endpoints.ses).port;
  subscribe('http.client.request.start', (message) => {
    const usage = current;
    const request = (message as { request?: ClientRequest }).request;
    if (!usage || !request) return;
    const port = String(request.getHeader('host') ?? '')
      .split(':')
      .pop();
    if (port === s3) {
      // S3 bills PUT, COPY, POST and LIST at the write rate, GET and HEAD at the read rate.
      if (request.method === 'GET' && !/[?&]list-type=|^\/[^/]+\/?(\?|$)/.test(request.path))
        usage.s3.get += 1;
      else if (request.method === 'HEAD') usage.s3.get += 1;
      else if (request.method !== 'DELETE') usage.s3.put += 1;
    } else if (port === ses && request.method === 'POST') {
      usage.ses.messages += 1;
    }
  });
}

export function countInvocation(name: string, ms: number): void {
  if (!current) return;
  const entry = current.lambda[name] ?? { invocations: 0, ms: 0 };
  current.lambda[name] = entry;
  entry.invocations += 1;
  entry.ms += Math.max(1, Math.ceil(ms));
}

export function countDynamo(operation: string, readUnits: number, writeUnits: number): void {
  if (!current) return;
  const entry = current.dynamo[operation] ?? { requests: 0, readUnits: 0, writeUnits: 0 };
  current.dynamo[operation] = entry;
  entry.requests += 1;
  entry.readUnits += readUnits;
  entry.writeUnits += writeUnits;
}

/** A copy of what was counted so far (empty when counting is off). */
export function usageSnapshot(): LocalUsage {
  return structuredClone(current ?? emptyUsage());
}
