import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { BodyKind, RouteDeclaration } from '../catalogue/route-declaration';
import {
  BadRequestError,
  type ErrorDetail,
  PayloadTooLargeError,
  SecrecyRefusedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors';
import { secrecyIssue } from '../schemas/free-text';

const mediaTypes: Record<BodyKind, string[]> = {
  json: ['application/json'],
  csv: ['text/csv', 'text/plain', 'application/vnd.ms-excel'],
};

/** zod issues → field-level details; an unknown field becomes one detail per field. */
export function issuesToDetails(issues: readonly z.core.$ZodIssue[], prefix?: string): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of issues) {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        details.push({
          path: base ? `${base}.${key}` : key,
          message: `不允许的字段“${key}”`,
          code: issue.code,
        });
      }
    } else {
      details.push({ path: base, message: issue.message, code: issue.code });
    }
  }
  return details;
}

/**
 * Parses with a route's schema. A secrecy marker in any free-text field outranks every other
 * problem: 422 SECRECY_REFUSED, before the operation (and its idempotency record) runs.
 */
export function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const secret = secrecyIssue(result.error.issues);
  if (secret) {
    const path = [prefix, ...secret.path.map(String)].filter(Boolean).join('.');
    throw new SecrecyRefusedError(secret.found, '内容', [
      { path, message: `含有涉密标志“${secret.found.marker}”`, code: 'SECRECY_REFUSED' },
    ]);
  }
  throw new ValidationError(issuesToDetails(result.error.issues, prefix));
}

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}

export function rawBody(event: APIGatewayProxyEventV2): Buffer {
  if (!event.body) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

/** Excel on Chinese Windows saves CSV as GB18030, not UTF-8: accept both, and drop a BOM. */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * Reads the body a route declares: size limit, media type, then JSON parsing and the schema.
 * A route without a body accepts nothing (or an empty JSON object) so stray fields never pass silently.
 */
export function readBody(event: APIGatewayProxyEventV2, route: RouteDeclaration): unknown {
  const bytes = rawBody(event);
  const declared = route.body;
  if (!declared) {
    const text = bytes.toString('utf8').trim();
    if (text === '' || text === '{}') return undefined;
    throw new BadRequestError('UNEXPECTED_BODY', '此接口不接受请求正文');
  }
  if (bytes.length > declared.maxBytes) {
    throw new PayloadTooLargeError(
      'PAYLOAD_TOO_LARGE',
      `请求正文过大：${bytes.length} 字节，上限 ${declared.maxBytes} 字节`,
    );
  }
  const contentType = (header(event, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!mediaTypes[declared.kind].includes(contentType)) {
    throw new UnsupportedMediaTypeError(
      'UNSUPPORTED_MEDIA_TYPE',
      `请求正文类型应为 ${mediaTypes[declared.kind][0]}，收到的是 ${contentType || '（未注明）'}`,
    );
  }
  if (bytes.length === 0) throw new BadRequestError('EMPTY_BODY', '请求正文为空');
  if (declared.kind === 'csv') return decodeText(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BadRequestError('MALFORMED_JSON', '请求正文不是合法的 JSON');
  }
  return declared.schema ? parseWith(declared.schema, parsed, '') : parsed;
}

export function readParams(event: APIGatewayProxyEventV2, route: RouteDeclaration): unknown {
  if (!route.params) return {};
  const result = route.params.safeParse(event.pathParameters ?? {});
  if (!result.success) {
    throw new BadRequestError(
      'INVALID_PARAMETER',
      '路径中的编号格式不正确',
      issuesToDetails(result.error.issues),
    );
  }
  return result.data;
}

export function readQuery(event: APIGatewayProxyEventV2, route: RouteDeclaration): unknown {
  return route.query ? parseWith(route.query, event.queryStringParameters ?? {}, 'query') : {};
}

/** Clients choose the key (a UUID is typical); it is scoped to the caller's token by the use case. */
export function readIdempotencyKey(
  event: APIGatewayProxyEventV2,
  route: RouteDeclaration,
): string | undefined {
  if (!route.idempotent) return undefined;
  const key = header(event, 'idempotency-key')?.trim();
  if (!key || !/^[A-Za-z0-9_\-:.]{8,128}$/.test(key)) {
    throw new BadRequestError(
      'IDEMPOTENCY_KEY_REQUIRED',
      '请在 Idempotency-Key 请求头中提供 8–128 位的唯一标识（如 UUID），重试时使用同一个值',
    );
  }
  return key;
}
