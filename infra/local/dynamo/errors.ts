import type { ServerResponse } from 'node:http';
import { crc32 } from 'node:zlib';

const DYNAMO = 'com.amazonaws.dynamodb.v20120810#';

/** An error the front answers itself, shaped like DynamoDB's JSON errors so SDKs parse it. */
export class DynamoError extends Error {
  constructor(
    readonly statusCode: number,
    readonly type: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** A copy carrying extra members in the JSON body (e.g. CancellationReasons). */
  with(extra: Record<string, unknown>): DynamoError {
    return new DynamoError(this.statusCode, this.type, this.message, { ...this.extra, ...extra });
  }

  body(): Record<string, unknown> {
    return { __type: this.type, message: this.message, ...this.extra };
  }
}

export const validationError = (message: string): DynamoError =>
  new DynamoError(400, 'com.amazon.coral.validate#ValidationException', message);

export const serializationError = (message: string): DynamoError =>
  new DynamoError(400, 'com.amazon.coral.service#SerializationException', message);

export const dynamoError = (name: string, message: string, statusCode = 400): DynamoError =>
  new DynamoError(statusCode, DYNAMO + name, message);

export const internalError = (message: string): DynamoError =>
  dynamoError('InternalServerError', message, 500);

/** Converts whatever was thrown into a DynamoDB-shaped error (unknown errors become 500s). */
export function toDynamoError(error: unknown): DynamoError {
  if (error instanceof DynamoError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return internalError(message);
}

export function sendJson(res: ServerResponse, statusCode: number, body: unknown): void {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(statusCode, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': payload.length,
    'x-amz-crc32': String(crc32(payload)),
    'x-amzn-requestid': nextRequestId(),
  });
  res.end(payload);
}

export function sendError(res: ServerResponse, error: unknown): void {
  const dynamo = toDynamoError(error);
  sendJson(res, dynamo.statusCode, dynamo.body());
}

let requestCounter = 0;
function nextRequestId(): string {
  requestCounter = (requestCounter + 1) % 1_000_000_000;
  return `XINBAOLOCAL${Date.now().toString(36).toUpperCase()}${requestCounter}`;
}
