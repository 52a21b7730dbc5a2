import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { usageEnabled, usagePath, usageSnapshot } from '../usage';
import type { FrontContext } from './context';
import { DynamoError, dynamoError, sendError, sendJson, serializationError } from './errors';
import { type FaultInjector, faultStatsPath } from './faults';
import { waitForTableSettled } from './table-settle';
import { transactGet } from './transact-get';
import { transactWrite } from './transact-write';
import { isRecord, type Json } from './types';
import type { Observe } from './upstream';
import { meterDynamo } from './usage';

const PREFIX = 'DynamoDB_20120810.';
const HANDLERS: Record<string, (ctx: FrontContext, request: Json) => Promise<Json>> = {
  [`${PREFIX}TransactWriteItems`]: transactWrite,
  [`${PREFIX}TransactGetItems`]: transactGet,
};
// Operations after which a cached key schema may be wrong.
const TABLE_CHANGING = new Set([`${PREFIX}CreateTable`, `${PREFIX}DeleteTable`, `${PREFIX}UpdateTable`]);
// Operations whose answer is held until the table has really changed (see table-settle.ts).
const SETTLING = new Map<string, 'CreateTable' | 'DeleteTable'>([
  [`${PREFIX}CreateTable`, 'CreateTable'],
  [`${PREFIX}DeleteTable`, 'DeleteTable'],
]);
/** Same cap as dynalite puts on any request body. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * The only listener clients see. Transactions are answered here; every other request streams to
 * dynalite untouched, holding the shared side of the lock until dynalite has answered, so it can
 * never observe a transaction half-applied or being rolled back.
 */
export function createFront(ctx: FrontContext, faults?: FaultInjector): Server {
  return createServer((req, res) => {
    const target = req.headers['x-amz-target'];
    if (faults && req.method === 'GET' && req.url === faultStatsPath) {
      sendJson(res, 200, faults.stats());
      return;
    }
    if (req.method === 'GET' && req.url === usagePath) {
      sendJson(res, 200, usageSnapshot() as unknown as Json);
      return;
    }
    const fault = faults?.faultFor(typeof target === 'string' ? target : undefined);
    if (fault) {
      answerWithoutServing(req, res, fault);
      return;
    }
    const handler = typeof target === 'string' && req.method === 'POST' ? HANDLERS[target] : undefined;
    if (handler) {
      void handleTransaction(ctx, handler, req, res);
      return;
    }
    if (typeof target !== 'string' || !TABLE_CHANGING.has(target)) {
      const observe = usageEnabled() && typeof target === 'string' ? metered(target) : undefined;
      ctx.lock.acquireShared(() =>
        ctx.upstream.forward(req, res, () => ctx.lock.releaseShared(), undefined, observe),
      );
      return;
    }
    // Rare table operations: drop cached key schemas before and after.
    ctx.tables.clear();
    const operation = SETTLING.get(target);
    const hold = operation ? waitForTableSettled(ctx.upstream, operation) : undefined;
    ctx.lock.acquireShared(() =>
      ctx.upstream.forward(
        req,
        res,
        () => {
          ctx.tables.clear();
          ctx.lock.releaseShared();
        },
        hold,
      ),
    );
  });
}

/** An injected fault: the request is read to its end (keep-alive stays usable) but never served. */
function answerWithoutServing(req: IncomingMessage, res: ServerResponse, fault: DynamoError): void {
  req.on('end', () => sendError(res, fault));
  req.on('error', () => res.destroy());
  req.resume();
}

async function handleTransaction(
  ctx: FrontContext,
  handler: (ctx: FrontContext, request: Json) => Promise<Json>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let request: Json | undefined;
  const operation = String(req.headers['x-amz-target']).slice(PREFIX.length);
  try {
    request = await readJson(req);
    const answer = await handler(ctx, request);
    sendJson(res, 200, answer);
    if (usageEnabled()) meterDynamo(operation, request, 200, answer);
  } catch (error) {
    if (!res.headersSent) sendError(res, error);
    if (usageEnabled() && request && error instanceof DynamoError) {
      meterDynamo(operation, request, error.statusCode, { __type: error.type });
    }
  }
}

/** Counts a forwarded request's units from its request and answer bodies. */
function metered(target: string): Observe {
  const operation = target.slice(PREFIX.length);
  return (statusCode, request, answer) => {
    meterDynamo(operation, parseOrEmpty(request), statusCode, parseOrEmpty(answer));
  };
}

function parseOrEmpty(body: Buffer): Json {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8') || '{}');
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

async function readJson(req: IncomingMessage): Promise<Json> {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (contentType !== 'application/x-amz-json-1.0' && contentType !== 'application/json') {
    throw dynamoError('UnknownOperationException', `Unsupported content type ${contentType}`, 404);
  }
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    length += buffer.length;
    if (length > MAX_BODY_BYTES) throw dynamoError('RequestEntityTooLarge', 'Request body too large', 413);
    chunks.push(buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks, length).toString('utf8'));
  } catch {
    throw serializationError('Start of structure or map found where not expected');
  }
  if (!isRecord(parsed)) throw serializationError('Start of structure or map found where not expected');
  return parsed;
}
