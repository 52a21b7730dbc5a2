import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiCors } from '../../../shared/catalogue/cors';
import { authorizerCacheTtlSeconds } from '../../../shared/catalogue/routes';
import type { FunctionHost } from '../lambda/host';
import { readRequestBody } from '../request-body';
import { AuthorizerCache } from './authorizer-cache';
import { authorizerEvent, httpEvent, type IncomingRequest, newRequestId } from './event';
import { type GatewayResponse, gatewayErrors, mapResult } from './response';
import { createRouter, type GatewayRoute, type RouteMatch } from './router';

/** HTTP API's request payload limit. */
export const maxPayloadBytes = 10 * 1024 * 1024;

export interface GatewayOptions {
  functions: FunctionHost;
  /** The catalogue's route table unless a test brings its own fixture routes. */
  routes?: readonly GatewayRoute[];
  authorizerFunction?: string;
  authorizerCacheTtlSeconds?: number;
  /** Clock for the authorizer cache and request times (a test passes a fake one). */
  now?: () => number;
  log?: (line: string) => void;
  /** Browser origins allowed to call the API (the console's), answered as API Gateway's CORS does. */
  corsOrigins?: readonly string[];
}

export interface Gateway {
  readonly server: Server;
  servedRouteKeys(): string[];
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

type Authorization = { kind: 'allow'; context: unknown } | { kind: 'deny'; response: GatewayResponse };

interface AuthorizerAnswer {
  isAuthorized: boolean;
  context?: unknown;
}

const isAuthorizerAnswer = (value: unknown): value is AuthorizerAnswer =>
  typeof value === 'object' && value !== null && typeof Reflect.get(value, 'isAuthorized') === 'boolean';

/**
 * API Gateway's CORS for an allowed origin: a preflight is answered by the gateway itself (no
 * authorizer, no function), and every other answer carries the origin.
 */
function corsHeaders(origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  if (!origin || !allowed.includes(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': apiCors.exposeHeaders.join(','),
    vary: 'origin',
  };
}

function preflight(origin: string): GatewayResponse {
  return {
    statusCode: 204,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': apiCors.allowMethods.join(','),
      'access-control-allow-headers': apiCors.allowHeaders.join(','),
      'access-control-max-age': String(apiCors.maxAgeSeconds),
      vary: 'origin',
    },
    body: Buffer.alloc(0),
  };
}

function send(res: ServerResponse, response: GatewayResponse, requestId: string): void {
  res.statusCode = response.statusCode;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  res.setHeader('apigw-requestid', requestId);
  res.setHeader('content-length', response.body.length);
  res.end(response.body);
}

/**
 * A node:http server that behaves like API Gateway HTTP API for a route table: route matching,
 * the Lambda authorizer with its cache, payload 2.0 events and response mapping, and the
 * gateway's own fixed error answers.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const router = createRouter(options.routes);
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const authorizerName = options.authorizerFunction ?? 'authorizer';
  const cache = new AuthorizerCache<AuthorizerAnswer>(
    options.authorizerCacheTtlSeconds ?? authorizerCacheTtlSeconds,
    now,
  );

  async function authorize(
    request: IncomingRequest,
    match: RouteMatch,
    requestId: string,
  ): Promise<Authorization> {
    const identity = headerValue(request.rawHeaders, 'authorization');
    // Identity source missing or empty: API Gateway answers 401 without invoking the authorizer.
    if (!identity) return { kind: 'deny', response: gatewayErrors.unauthorized() };
    let answer = cache.get(identity);
    if (!answer) {
      let result: unknown;
      try {
        const event = authorizerEvent({ request, match, requestId, epochMs: now() }, identity);
        result = await options.functions.invoke(authorizerName, event);
      } catch (error) {
        log(`[gateway] authorizer failed for ${match.routeKey}: ${describe(error)}`);
        return { kind: 'deny', response: gatewayErrors.internal() };
      }
      if (!isAuthorizerAnswer(result)) {
        log(`[gateway] authorizer returned a malformed answer for ${match.routeKey}`);
        return { kind: 'deny', response: gatewayErrors.internal() };
      }
      answer = result;
      cache.set(identity, answer);
    }
    if (!answer.isAuthorized) return { kind: 'deny', response: gatewayErrors.forbidden() };
    return { kind: 'allow', context: answer.context ?? {} };
  }

  async function route(request: IncomingRequest, requestId: string): Promise<GatewayResponse> {
    const match = router.match(request.method, request.rawPath);
    if (!match) return gatewayErrors.notFound();
    let authorizerContext: unknown;
    if (match.route.auth === 'bearer') {
      const authorization = await authorize(request, match, requestId);
      if (authorization.kind === 'deny') return authorization.response;
      authorizerContext = authorization.context;
    }
    const event = httpEvent({ request, match, requestId, epochMs: now() }, authorizerContext);
    try {
      return mapResult(await options.functions.invoke(match.route.function, event));
    } catch (error) {
      log(`[gateway] ${match.routeKey} → ${match.route.function} failed: ${describe(error)}`);
      return gatewayErrors.internal();
    }
  }

  const server = createServer((req, res) => {
    const requestId = newRequestId();
    void (async () => {
      const body = await readRequestBody(req, maxPayloadBytes);
      if (body === 'too-large') return send(res, gatewayErrors.tooLarge(), requestId);
      const url = req.url ?? '/';
      const queryAt = url.indexOf('?');
      const request: IncomingRequest = {
        method: req.method ?? 'GET',
        rawPath: queryAt === -1 ? url : url.slice(0, queryAt),
        rawQueryString: queryAt === -1 ? '' : url.slice(queryAt + 1),
        rawHeaders: req.rawHeaders,
        body,
        sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        localPort: req.socket.localPort ?? 0,
        protocol: `HTTP/${req.httpVersion}`,
      };
      const origin = headerValue(req.rawHeaders, 'origin');
      const cors = corsHeaders(origin, options.corsOrigins ?? []);
      if (origin && cors['access-control-allow-origin'] && request.method === 'OPTIONS') {
        return send(res, preflight(origin), requestId);
      }
      const response = await route(request, requestId);
      send(res, { ...response, headers: { ...response.headers, ...cors } }, requestId);
    })().catch((error: unknown) => {
      log(`[gateway] request failed: ${describe(error)}`);
      if (!res.headersSent) send(res, gatewayErrors.internal(), requestId);
      else res.destroy();
    });
  });

  return {
    server,
    servedRouteKeys: () => router.routeKeys(),
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A header as the event carries it: repeated values comma-joined. */
function headerValue(rawHeaders: readonly string[], name: string): string | undefined {
  const values: string[] = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    if (rawHeaders[index]?.toLowerCase() === name) values.push(rawHeaders[index + 1] ?? '');
  }
  return values.length > 0 ? values.join(',') : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
