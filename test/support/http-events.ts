import {
  type DynamoDBDocumentClientResolvedConfig,
  GetCommand,
  QueryCommand,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { AwsStub } from 'aws-sdk-client-mock';
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

/**
 * The store rows a `recheckCaller` route re-reads for the caller `as()` makes: an active token
 * found through the id index. Input-matched stubs, so a test's own catch-all Get/Query stubs
 * still answer everything else.
 */
export function stubLiveCallerToken(
  dynamo: AwsStub<ServiceInputTypes, ServiceOutputTypes, DynamoDBDocumentClientResolvedConfig>,
  revokedAt?: string,
): void {
  const token = {
    tokenId: 'abcdefghijklmnop',
    hash: 'caller-token-hash',
    role: 'admin',
    label: '测试管理员',
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'bootstrap',
    ...(revokedAt ? { revokedAt } : {}),
  };
  dynamo
    .on(QueryCommand, {
      IndexName: 'gsi1',
      ExpressionAttributeValues: { ':pk': 'TOKENS', ':sk': 'TOKEN#abcdefghijklmnop' },
    })
    .resolves({ Items: [token] });
  dynamo.on(GetCommand, { Key: { pk: 'TOKEN#caller-token-hash', sk: 'TOKEN' } }).resolves({ Item: token });
}
