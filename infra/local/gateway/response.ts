export interface GatewayResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** API Gateway's own answers carry exactly this JSON body. */
export function gatewayMessage(statusCode: number, message: string): GatewayResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify({ message })),
  };
}

export const gatewayErrors = {
  notFound: () => gatewayMessage(404, 'Not Found'),
  unauthorized: () => gatewayMessage(401, 'Unauthorized'),
  forbidden: () => gatewayMessage(403, 'Forbidden'),
  tooLarge: () => gatewayMessage(413, 'Request Entity Too Large'),
  internal: () => gatewayMessage(500, 'Internal Server Error'),
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isHeaderValue = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * Payload format 2.0 response rules: an object with `statusCode` is used as is (headers, cookies
 * as set-cookie, base64 bodies); any other valid JSON becomes a 200 application/json body.
 * A structured response API Gateway could not map is a 500, as in the cloud.
 */
export function mapResult(result: unknown): GatewayResponse {
  if (!isRecord(result) || !('statusCode' in result)) {
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(result ?? null)),
    };
  }
  const { statusCode, headers = {}, cookies = [], body, isBase64Encoded } = result;
  const validStatus = typeof statusCode === 'number' && Number.isInteger(statusCode);
  if (!validStatus || statusCode < 100 || statusCode > 599) return gatewayErrors.internal();
  if (!isRecord(headers) || !Array.isArray(cookies)) return gatewayErrors.internal();
  if (body !== undefined && body !== null && typeof body !== 'string') return gatewayErrors.internal();

  const mapped: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!isHeaderValue(value)) return gatewayErrors.internal();
    mapped[name.toLowerCase()] = String(value);
  }
  const setCookies = cookies.filter((cookie): cookie is string => typeof cookie === 'string');
  if (setCookies.length > 0) mapped['set-cookie'] = setCookies;
  const text = typeof body === 'string' ? body : '';
  return {
    statusCode,
    headers: mapped,
    body: isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8'),
  };
}
