import type { APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** A reply that is not plain JSON (CSV, XLSX, a redirect) or needs its own status or headers. */
export class HttpReply {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly headers: Record<string, string>,
    readonly isBase64Encoded = false,
  ) {}
}

export function jsonResponse(status: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

/** Headers every API response carries, errors included: nothing here is meant for a browser to render. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export function withHeaders(
  response: APIGatewayProxyResultV2,
  headers: Record<string, string>,
): APIGatewayProxyStructuredResultV2 {
  const structured: APIGatewayProxyStructuredResultV2 =
    typeof response === 'object' && response !== null
      ? response
      : { statusCode: 200, body: String(response) };
  return { ...structured, headers: { ...(structured.headers ?? {}), ...headers } };
}
