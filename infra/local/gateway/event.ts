import { randomBytes } from 'node:crypto';
import type {
  APIGatewayEventRequestContextV2,
  APIGatewayProxyEventV2WithRequestContext,
  APIGatewayRequestAuthorizerEventV2,
} from 'aws-lambda';
import { localAccountId, localRegion } from '../aws';
import type { RouteMatch } from './router';

/** Identifiers of the one local API, shaped like the real ones. */
export const localApi = { apiId: 'xblocal001', stage: '$default' } as const;

/** What the gateway read off the socket. */
export interface IncomingRequest {
  method: string;
  rawPath: string;
  rawQueryString: string;
  /** Node's flat list: name, value, name, value … (keeps repeated headers apart). */
  rawHeaders: readonly string[];
  body: Buffer;
  sourceIp: string;
  localPort: number;
  protocol: string;
}

export type RequestContextV2 = APIGatewayEventRequestContextV2 & { authorizer?: { lambda: unknown } };
export type HttpEventV2 = APIGatewayProxyEventV2WithRequestContext<RequestContextV2>;
export type AuthorizerEventV2 = Omit<APIGatewayRequestAuthorizerEventV2, 'cookies'> & { cookies?: string[] };

/** Hop-by-hop headers end at the gateway; API Gateway does not forward them. */
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade']);

/** API Gateway's request id: 16 characters of base64. */
export const newRequestId = () => randomBytes(11).toString('base64');

/** Lower-cased names, repeated headers comma-joined; cookies go to their own list, as in payload 2.0. */
export function readHeaders(request: IncomingRequest): {
  headers: Record<string, string>;
  cookies?: string[];
} {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    const name = request.rawHeaders[index]?.toLowerCase() ?? '';
    const value = request.rawHeaders[index + 1] ?? '';
    if (hopByHop.has(name) || name === 'transfer-encoding') continue;
    if (name === 'cookie') {
      for (const cookie of value.split(';')) if (cookie.trim()) cookies.push(cookie.trim());
      continue;
    }
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name]},${value}` : value;
  }
  // API Gateway adds these on its way in.
  if (request.body.length > 0) headers['content-length'] = String(request.body.length);
  const forwarded = headers['x-forwarded-for'];
  headers['x-forwarded-for'] = forwarded ? `${forwarded}, ${request.sourceIp}` : request.sourceIp;
  headers['x-forwarded-port'] = String(request.localPort);
  headers['x-forwarded-proto'] = 'http';
  headers['x-amzn-trace-id'] ??=
    `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
  return cookies.length > 0 ? { headers, cookies } : { headers };
}

/** Decoded values, repeated keys comma-joined; absent when the query is empty. */
export function readQuery(rawQueryString: string): Record<string, string> | undefined {
  if (!rawQueryString) return undefined;
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQueryString)) {
    query[key] = Object.hasOwn(query, key) ? `${query[key]},${value}` : value;
  }
  return Object.keys(query).length > 0 ? query : undefined;
}

const textTypes = ['application/json', 'application/xml', 'application/javascript'];

function isText(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type.startsWith('text/') || textTypes.includes(type) || /\+(json|xml)$/.test(type);
}

/**
 * Text bodies arrive as strings, anything else base64-encoded. Text that is not valid UTF-8 (a
 * GB18030 CSV from Excel) is base64-encoded too, so its bytes survive for the handler to decode.
 */
export function readBody(
  body: Buffer,
  contentType: string | undefined,
): { body?: string; isBase64Encoded: boolean } {
  if (body.length === 0) return { isBase64Encoded: false };
  if (isText(contentType)) {
    try {
      return { body: new TextDecoder('utf-8', { fatal: true }).decode(body), isBase64Encoded: false };
    } catch {
      // falls through to base64
    }
  }
  return { body: body.toString('base64'), isBase64Encoded: true };
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (value: number) => String(value).padStart(2, '0');

/** Common-log time as in `requestContext.time`: `12/Mar/2020:19:03:58 +0000`. */
export function requestTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${two(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(
    d.getUTCMinutes(),
  )}:${two(d.getUTCSeconds())} +0000`;
}

export function requestContext(
  request: IncomingRequest,
  headers: Record<string, string>,
  routeKey: string,
  requestId: string,
  epochMs: number,
): RequestContextV2 {
  const domainName = headers.host ?? `localhost:${request.localPort}`;
  return {
    accountId: localAccountId,
    apiId: localApi.apiId,
    domainName,
    domainPrefix: domainName.split('.')[0]?.split(':')[0] ?? domainName,
    http: {
      method: request.method,
      path: request.rawPath,
      protocol: request.protocol,
      sourceIp: request.sourceIp,
      userAgent: headers['user-agent'] ?? '',
    },
    requestId,
    routeKey,
    stage: localApi.stage,
    time: requestTime(epochMs),
    timeEpoch: epochMs,
  };
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

interface EventInputs {
  request: IncomingRequest;
  match: RouteMatch;
  requestId: string;
  epochMs: number;
}

function common({ request, match, requestId, epochMs }: EventInputs) {
  const { headers, cookies } = readHeaders(request);
  return {
    routeKey: match.routeKey,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    ...optional('queryStringParameters', readQuery(request.rawQueryString)),
    context: requestContext(request, headers, match.routeKey, requestId, epochMs),
  };
}

/** The payload format 2.0 event a Lambda integration receives. */
export function httpEvent(inputs: EventInputs, authorizerContext?: unknown): HttpEventV2 {
  const { context, ...rest } = common(inputs);
  return {
    version: '2.0',
    ...rest,
    requestContext:
      authorizerContext === undefined ? context : { ...context, authorizer: { lambda: authorizerContext } },
    ...optional('pathParameters', inputs.match.pathParameters),
    ...readBody(inputs.request.body, rest.headers['content-type']),
  };
}

/** The REQUEST authorizer event (format 2.0) for the identity source `$request.header.Authorization`. */
export function authorizerEvent(inputs: EventInputs, identity: string): AuthorizerEventV2 {
  const { context, ...rest } = common(inputs);
  const { method, rawPath } = inputs.request;
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: `arn:aws:execute-api:${localRegion}:${localAccountId}:${localApi.apiId}/${localApi.stage}/${method}${rawPath}`,
    identitySource: [identity],
    ...rest,
    requestContext: context,
    ...optional('pathParameters', inputs.match.pathParameters),
  };
}
