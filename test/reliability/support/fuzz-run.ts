/**
 * Sends generated requests to the live stack and sorts the answers into what the fuzz checks look
 * at: server errors, refusals without a code and message, and known-invalid requests accepted.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { rawClient } from './fuzz-http';
import type { FuzzRequest, Operation } from './fuzz-requests';

export function describeRequest(index: number, request: FuzzRequest): string {
  const body = request.body ? request.body.toString('utf8').slice(0, 300) : '';
  return [
    `#${index} ${request.operationId} as ${request.caller}: ${request.method} ${request.path.slice(0, 300)}`,
    `  headers ${JSON.stringify(request.headers).slice(0, 300)}`,
    `  body (${request.body?.length ?? 0} bytes) ${JSON.stringify(body)}`,
    `  defects [${request.defects.join(', ')}], ${request.notes.join('; ')}`,
  ].join('\n');
}

interface Finding {
  index: number;
  request: FuzzRequest;
  status: number;
  text: string;
}

const isNonEmptyString = (value: unknown) => typeof value === 'string' && value.length > 0;

function errorOf(text: string): { code?: unknown; message?: unknown } | undefined {
  try {
    return (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
  } catch {
    return undefined;
  }
}

export interface Run {
  statuses: Map<number, number>;
  serverErrors: Finding[];
  uncoded: Finding[];
  accepted: Finding[];
  broken: string[];
  seconds: number;
}

/** Sends every request, `concurrency` at a time, and sorts the answers into what the checks look at. */
export async function fire(apiUrl: string, requests: FuzzRequest[], concurrency: number): Promise<Run> {
  const client = rawClient(apiUrl, concurrency);
  const run: Run = {
    statuses: new Map(),
    serverErrors: [],
    uncoded: [],
    accepted: [],
    broken: [],
    seconds: 0,
  };
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const request = requests[index] as FuzzRequest;
      let reply: Awaited<ReturnType<typeof client.send>>;
      try {
        reply = await client.send(request.method, request.path, request.headers, request.body);
      } catch (error) {
        run.broken.push(`${describeRequest(index, request)}\n  ${String(error)}`);
        continue;
      }
      run.statuses.set(reply.status, (run.statuses.get(reply.status) ?? 0) + 1);
      const finding = { index, request, status: reply.status, text: reply.text };
      if (reply.status >= 500) run.serverErrors.push(finding);
      if (reply.status >= 400 && reply.status < 500 && !(reply.status === 401 && request.gatewayRefuses)) {
        const error = errorOf(reply.text);
        if (!isNonEmptyString(error?.code) || !isNonEmptyString(error?.message)) run.uncoded.push(finding);
      }
      if (request.defects.length > 0 && reply.status < 400) {
        // An import whose every row is refused answers 200 with the refusals, and stores nothing.
        const importedNothing =
          request.operationId === 'importUnits' &&
          reply.status === 200 &&
          JSON.parse(reply.text).imported === 0;
        if (!importedNothing) run.accepted.push(finding);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  client.close();
  run.seconds = (Date.now() - started) / 1000;
  return run;
}

const show = (list: Finding[]) =>
  list
    .slice(0, 8)
    .map(
      (finding) =>
        `${describeRequest(finding.index, finding.request)}\n  → ${finding.status} ${finding.text.slice(0, 300)}`,
    )
    .join('\n');

export function report(label: string, requests: FuzzRequest[], run: Run): void {
  const byStatus = [...run.statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
  console.log(
    `fuzz ${label}: ${requests.length} requests in ${run.seconds.toFixed(1)} s ` +
      `(${(requests.length / run.seconds).toFixed(0)}/s): ${byStatus.join(' ')}`,
  );
  console.log(
    `fuzz ${label}: ${run.serverErrors.length} answers ≥ 500, ${run.uncoded.length} refusals without code and message, ` +
      `${run.accepted.length} known-invalid requests accepted, ${run.broken.length} connections broken`,
  );
}

export function expectClean(run: Run, seed: number): void {
  expect(run.serverErrors.length, `answers ≥ 500 (seed ${seed}):\n${show(run.serverErrors)}`).toBe(0);
  expect(run.broken.length, `connections broken (seed ${seed}):\n${run.broken.slice(0, 8).join('\n')}`).toBe(
    0,
  );
  expect(run.uncoded.length, `4xx without code and message (seed ${seed}):\n${show(run.uncoded)}`).toBe(0);
  expect(run.accepted.length, `known-invalid requests accepted (seed ${seed}):\n${show(run.accepted)}`).toBe(
    0,
  );
}

/** Per operation, `count` samples of its arbitrary (seeded per operation), interleaved across operations. */
export function generate(
  seed: number,

  operations: Operation[],
  count: number,
  arbitrary: (operation: Operation) => fc.Arbitrary<FuzzRequest>,
  offset: number,
) {
  const samples = operations.map((operation, index) =>
    fc.sample(arbitrary(operation), { seed: seed + offset + index, numRuns: count }),
  );
  return Array.from({ length: count }, (_, round) =>
    samples.map((list) => list[round] as FuzzRequest),
  ).flat();
}
