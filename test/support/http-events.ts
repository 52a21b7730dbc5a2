import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Role } from '#shared/domain/roles';
import type { AuthorizerContext } from '#shared/http/auth-context';

export interface EventOptions {
  method: string;
  path: string;
  routePath?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | object;
  auth?: AuthorizerContext;
}

/** A payload v2 event as API Gateway (or our local gateway) hands it to a handler. */
export function httpEvent(options: EventOptions): APIGatewayProxyEventV2 {
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const headers = {
    ...(body !== undefined && typeof options.body !== 'string' ? { 'content-type': 'application/json' } : {}),
    ...options.headers,
  };
  const routeKey = `${options.method} ${options.routePath ?? options.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: options.path,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers,
    queryStringParameters: options.query,
    pathParameters: options.params,
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: options.method,
        path: options.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'vitest',
      },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      ...(options.auth ? { authorizer: { lambda: options.auth } } : {}),
    },
  } as APIGatewayProxyEventV2;
}

export function as(role: Role, unitId?: string): AuthorizerContext {
  return { status: 'active', role, tokenId: 'abcdefghijklmnop', ...(unitId ? { unitId } : {}) };
}

export const lambdaContext = {
  awsRequestId: 'test-request',
  functionName: 'test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:test',
  memoryLimitInMB: '256',
  logGroupName: '/aws/lambda/test',
  logStreamName: 'test',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
} satisfies Context;

export interface JsonReply {
  status: number;
  headers: Record<string, string>;
  body: {
    error?: { code: string; message: string; details?: { path?: string; message: string }[] };
  } & Record<string, unknown>;
}

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

export async function invoke(handler: Handler, event: APIGatewayProxyEventV2): Promise<JsonReply> {
  const result = (await handler(event, lambdaContext)) as APIGatewayProxyStructuredResultV2;
  return {
    status: result.statusCode ?? 200,
    headers: (result.headers ?? {}) as Record<string, string>,
    body: result.body ? JSON.parse(result.body) : {},
  };
}
