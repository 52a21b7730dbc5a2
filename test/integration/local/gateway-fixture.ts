import type { AddressInfo } from 'node:net';
import type { Context } from 'aws-lambda';
import type { GatewayRoute } from '../../../infra/local/gateway/router';
import { createGateway } from '../../../infra/local/gateway/server';
import type { FunctionSpec } from '../../../infra/local/lambda/context';
import { createFunctionHost, type LambdaHandler } from '../../../infra/local/lambda/host';

/** Fixture routes: the production table stays the only one the stack uses. */
export const fixtureRoutes: GatewayRoute[] = [
  { method: 'GET', path: '/things/{thingId}/items', function: 'echo', auth: 'public' },
  { method: 'GET', path: '/things/special/items', function: 'plain', auth: 'public' },
  { method: 'GET', path: '/files/{path+}', function: 'echo', auth: 'public' },
  { method: 'POST', path: '/upload', function: 'echo', auth: 'public' },
  { method: 'GET', path: '/cookies', function: 'cookies', auth: 'public' },
  { method: 'GET', path: '/boom', function: 'boom', auth: 'public' },
  { method: 'GET', path: '/slow', function: 'slow', auth: 'public' },
  { method: 'GET', path: '/malformed', function: 'malformed', auth: 'public' },
  { method: 'GET', path: '/secure/{id}', function: 'echo', auth: 'bearer' },
];

export interface Recorded {
  event: Record<string, unknown>;
  context: Pick<Context, 'functionName' | 'awsRequestId' | 'memoryLimitInMB' | 'functionVersion'> & {
    remainingMs: number;
  };
}

export function startFixtureGateway(
  options: { now?: () => number; ttlSeconds?: number; corsOrigins?: readonly string[] } = {},
) {
  const calls: Record<'echo' | 'authorizer', Recorded[]> = { echo: [], authorizer: [] };
  const record = (into: Recorded[], event: unknown, context: Context) => {
    const entry: Recorded = {
      event: event as Record<string, unknown>,
      context: {
        functionName: context.functionName,
        awsRequestId: context.awsRequestId,
        memoryLimitInMB: context.memoryLimitInMB,
        functionVersion: context.functionVersion,
        remainingMs: context.getRemainingTimeInMillis(),
      },
    };
    into.push(entry);
    return entry;
  };
  const handlers: Record<string, LambdaHandler> = {
    echo: async (event, context) => {
      const entry = record(calls.echo, event, context);
      return {
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(entry),
      };
    },
    plain: async () => ({ hello: '世界', list: [1, 2] }),
    cookies: async () => ({
      statusCode: 201,
      headers: { 'content-type': 'application/octet-stream', 'x-count': 3 },
      cookies: ['a=1; Path=/', 'b=2; HttpOnly'],
      body: Buffer.from([0, 1, 2, 255]).toString('base64'),
      isBase64Encoded: true,
    }),
    boom: async () => {
      throw new Error('boom');
    },
    slow: () => new Promise((resolve) => setTimeout(() => resolve({ late: true }), 1500)),
    malformed: async () => ({ statusCode: 'two hundred' }),
    authorizer: async (event, context) => {
      const { event: received } = record(calls.authorizer, event, context);
      const header = (received.headers as Record<string, string>).authorization;
      if (header === 'Bearer deny') return { isAuthorized: false };
      if (header === 'Bearer crash') throw new Error('authorizer crashed');
      return { isAuthorized: true, context: { status: 'active', seen: header } };
    },
  };
  const spec = (timeoutSeconds = 3): FunctionSpec => ({ memoryMb: 128, timeoutSeconds });
  const specs: Record<string, FunctionSpec> = Object.fromEntries(
    Object.keys(handlers).map((name) => [name, spec()]),
  );
  specs.slow = spec(0.2);

  const host = createFunctionHost({
    specs,
    load: async (name) => {
      const handler = handlers[name];
      if (!handler) throw new Error(`no fixture ${name}`);
      return handler;
    },
  });
  const gateway = createGateway({
    functions: host,
    routes: fixtureRoutes,
    now: options.now,
    authorizerCacheTtlSeconds: options.ttlSeconds,
    corsOrigins: options.corsOrigins,
  });
  return {
    calls,
    gateway,
    async listen() {
      await gateway.listen(0);
      return `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
    },
  };
}
