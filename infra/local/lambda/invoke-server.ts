/**
 * The Lambda Invoke API (`POST /2015-03-31/functions/{name}/invocations`) in front of the local
 * function host, so `@aws-sdk/client-lambda` reaches local functions through the SDK's own
 * AWS_ENDPOINT_URL_LAMBDA, as it reaches Lambda in the cloud.
 *
 * - `RequestResponse` (the default): runs the handler and answers 200 with its result; a thrown
 *   error answers 200 with `X-Amz-Function-Error: Unhandled` and Lambda's error document.
 * - `Event`: answers 202 at once and runs the handler in the background; a failed run is retried
 *   twice after a delay, as Lambda's asynchronous invocation does (about 1 and 2 minutes there).
 * - `DryRun`: 204 when the function exists.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRequestBody } from '../request-body';
import { localFunctionName } from './context';
import type { FunctionHost } from './host';

/** Lambda's payload limits: 6 MB synchronous, 256 KB asynchronous. */
export const maxSyncPayloadBytes = 6 * 1024 * 1024;
export const maxAsyncPayloadBytes = 256 * 1024;

/** Lambda retries a failed asynchronous run twice; it waits about a minute, then about two. */
export const lambdaAsyncRetryDelaysMs: readonly number[] = [60_000, 120_000];

export interface InvokeServerOptions {
  functions: FunctionHost;
  /** The function names served (the catalogue's); `xinbao-<name>` and ARNs ending in them work too. */
  names: readonly string[];
  /** Delay before each retry of a failed `Event` run; its length is the number of retries. */
  retryDelaysMs?: readonly number[];
  log?: (line: string) => void;
}

export interface AsyncRun {
  requestId: string;
  function: string;
  attempts: number;
  ok: boolean;
}

export interface InvokeServer {
  readonly server: Server;
  listen(port: number, host?: string): Promise<number>;
  /** Resolves once no asynchronous run is in flight or waiting for a retry (tests use it). */
  idle(): Promise<void>;
  /** Stops listening and drops waiting retries (a run in progress finishes on its own). */
  close(): Promise<void>;
}

const invokePath = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

function errorReply(status: number, type: string, message: string): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': type },
    body: JSON.stringify({ Type: 'User', message }),
  };
}

function describeError(error: unknown) {
  if (error instanceof Error) {
    return {
      errorType: error.name,
      errorMessage: error.message,
      trace: (error.stack ?? '').split('\n'),
    };
  }
  return { errorType: 'Error', errorMessage: String(error), trace: [] };
}

export function createInvokeServer(options: InvokeServerOptions): InvokeServer {
  const log = options.log ?? (() => {});
  const retryDelays = options.retryDelaysMs ?? lambdaAsyncRetryDelaysMs;
  const known = new Set(options.names);
  const inFlight = new Set<Promise<AsyncRun>>();
  const stopping = new AbortController();

  /** `mailer`, `xinbao-mailer`, `arn:…:function:xinbao-mailer[:qualifier]` → `mailer`. */
  function resolveName(raw: string): string | undefined {
    const arn = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/.exec(raw);
    const name = arn?.[1] ?? raw.replace(/:[^:]+$/, '');
    if (known.has(name)) return name;
    for (const candidate of known) if (localFunctionName(candidate) === name) return candidate;
    return undefined;
  }

  const wait = (ms: number) =>
    new Promise<boolean>((resolve) => {
      if (stopping.signal.aborted) return resolve(false);
      const timer = setTimeout(() => {
        stopping.signal.removeEventListener('abort', abort);
        resolve(true);
      }, ms);
      const abort = () => {
        clearTimeout(timer);
        resolve(false);
      };
      stopping.signal.addEventListener('abort', abort, { once: true });
    });

  async function runAsync(name: string, event: unknown, requestId: string): Promise<AsyncRun> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await options.functions.invoke(name, event, requestId);
        return { requestId, function: name, attempts: attempt, ok: true };
      } catch (error) {
        const retries = attempt - 1;
        const delay = retryDelays[retries];
        const message = error instanceof Error ? error.message : String(error);
        if (delay === undefined) {
          log(
            `[lambda] ${name} (async ${requestId}) failed after ${attempt} attempt(s), giving up: ${message}`,
          );
          return { requestId, function: name, attempts: attempt, ok: false };
        }
        log(`[lambda] ${name} (async ${requestId}) failed, retrying in ${delay} ms: ${message}`);
        if (!(await wait(delay))) return { requestId, function: name, attempts: attempt, ok: false };
      }
    }
  }

  async function handle(req: IncomingMessage, requestId: string): Promise<Reply> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const match = invokePath.exec(path);
    if (!match?.[1]) {
      await readRequestBody(req, 0);
      return errorReply(404, 'UnknownOperationException', `no such operation: ${req.method} ${path}`);
    }
    if (req.method !== 'POST') {
      await readRequestBody(req, 0);
      return errorReply(405, 'UnknownOperationException', `${req.method} is not allowed on ${path}`);
    }
    const type = String(req.headers['x-amz-invocation-type'] ?? 'RequestResponse');
    const raw = await readRequestBody(req, type === 'Event' ? maxAsyncPayloadBytes : maxSyncPayloadBytes);
    const name = resolveName(decodeURIComponent(match[1]));
    if (!name) {
      return errorReply(
        404,
        'ResourceNotFoundException',
        `Function not found: ${decodeURIComponent(match[1])}`,
      );
    }
    if (raw === 'too-large') {
      return errorReply(413, 'RequestTooLargeException', 'Request must be smaller than the payload limit');
    }
    let event: unknown = {};
    if (raw.length > 0) {
      try {
        event = JSON.parse(raw.toString('utf8'));
      } catch {
        return errorReply(400, 'InvalidRequestContentException', 'Could not parse request body into json');
      }
    }
    const common = { 'x-amzn-requestid': requestId };
    switch (type) {
      case 'DryRun':
        return { status: 204, headers: common };
      case 'Event': {
        const run = runAsync(name, event, requestId);
        inFlight.add(run);
        void run.finally(() => inFlight.delete(run));
        return { status: 202, headers: common, body: '' };
      }
      case 'RequestResponse': {
        const headers = {
          ...common,
          'content-type': 'application/json',
          'x-amz-executed-version': '$LATEST',
        };
        try {
          const result = await options.functions.invoke(name, event, requestId);
          return { status: 200, headers, body: JSON.stringify(result ?? null) };
        } catch (error) {
          return {
            status: 200,
            headers: { ...headers, 'x-amz-function-error': 'Unhandled' },
            body: JSON.stringify(describeError(error)),
          };
        }
      }
      default:
        return errorReply(400, 'InvalidParameterValueException', `unknown invocation type ${type}`);
    }
  }

  const server = createServer((req, res: ServerResponse) => {
    const requestId = randomUUID();
    void handle(req, requestId)
      .catch((error: unknown): Reply => {
        log(`[lambda] invoke request failed: ${error instanceof Error ? error.message : String(error)}`);
        return errorReply(500, 'ServiceException', 'internal error of the local Lambda endpoint');
      })
      .then((reply) => {
        const body = reply.body ?? '';
        res.statusCode = reply.status;
        for (const [header, value] of Object.entries(reply.headers ?? {})) res.setHeader(header, value);
        res.setHeader('content-length', Buffer.byteLength(body));
        res.end(body);
      });
  });

  return {
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    close: () =>
      new Promise((resolve) => {
        stopping.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
