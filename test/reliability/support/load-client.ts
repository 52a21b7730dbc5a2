/**
 * A patient HTTP client for load tests, as a careful integrator would write one: a timeout per
 * attempt, and bounded retries with exponential backoff and jitter on 5xx, network errors,
 * timeouts and "request in progress", always resending the same request (same Idempotency-Key).
 */
import type { Reply } from '../../support/api';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  timeoutMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const patientClient: RetryPolicy = {
  attempts: 6,
  timeoutMs: 20_000,
  baseDelayMs: 200,
  maxDelayMs: 4_000,
};

/** What one logical request ended as: the last reply, or `timeout`/`error` when none came. */
export interface Outcome {
  status: number | 'timeout' | 'error';
  body: Reply['body'];
  attempts: number;
}

export interface ClientStats {
  requests: number;
  retries: number;
  timeouts: number;
  networkErrors: number;
  /** Status → how many attempts got it (every attempt, not only the last). */
  statuses: Map<number, number>;
}

export interface RequestSpec {
  method: string;
  path: string;
  token?: string;
  json?: unknown;
  headers?: Record<string, string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Worth another try with the same request: the server failed, or said the first copy is still running. */
function retriable(outcome: Outcome): boolean {
  if (outcome.status === 'timeout' || outcome.status === 'error') return true;
  if (outcome.status >= 500) return true;
  return outcome.status === 409 && outcome.body.error?.code === 'REQUEST_IN_PROGRESS';
}

export function retryingClient(baseUrl: () => string, policy: RetryPolicy = patientClient) {
  const stats: ClientStats = { requests: 0, retries: 0, timeouts: 0, networkErrors: 0, statuses: new Map() };

  async function once(spec: RequestSpec, attempt: number): Promise<Outcome> {
    const headers: Record<string, string> = { ...spec.headers };
    if (spec.token) headers.authorization = `Bearer ${spec.token}`;
    if (spec.json !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(`${baseUrl()}${spec.path}`, {
        method: spec.method,
        headers,
        body: spec.json === undefined ? undefined : JSON.stringify(spec.json),
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      const text = await response.text();
      stats.statuses.set(response.status, (stats.statuses.get(response.status) ?? 0) + 1);
      let body: Reply['body'] = {};
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        body = { raw: text };
      }
      return { status: response.status, body, attempts: attempt };
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      if (timedOut) stats.timeouts += 1;
      else stats.networkErrors += 1;
      return { status: timedOut ? 'timeout' : 'error', body: {}, attempts: attempt };
    }
  }

  async function send(spec: RequestSpec): Promise<Outcome> {
    stats.requests += 1;
    let outcome = await once(spec, 1);
    for (let attempt = 2; attempt <= policy.attempts && retriable(outcome); attempt += 1) {
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 2));
      await sleep(ceiling / 2 + Math.random() * (ceiling / 2));
      stats.retries += 1;
      outcome = await once(spec, attempt);
    }
    return outcome;
  }

  return { send, stats };
}

/** Runs `work(0..count-1)` with at most `concurrency` in flight; resolves when all are done. */
export async function runPool(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await work(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** `5000 × 201, 12 × 503` style summary of the statuses seen. */
export function describeStatuses(statuses: Map<number, number>): string {
  return [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${count} × ${status}`)
    .join(', ');
}
