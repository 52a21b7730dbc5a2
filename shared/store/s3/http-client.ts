/**
 * S3 over signed HTTPS: the few object operations the functions use (Put, Get, Head, Copy,
 * Delete, ListObjectsV2) and presigned GET/PUT URLs, each a request signed with Signature
 * Version 4 by the SDK's own signer (`@smithy/signature-v4`, already in every bundle through the
 * DynamoDB client) and sent with node:http(s). It replaces `@aws-sdk/client-s3` and its
 * presigner in the function bundles (about 150 KB of XML protocol, checksums and S3
 * middleware); the local runtime's tools and the tests still use the SDK client to look at what
 * these requests did.
 *
 * Configured from the environment like an SDK client: the endpoint from AWS_ENDPOINT_URL_S3 (or
 * AWS_ENDPOINT_URL; S3's regional endpoint otherwise), the region from AWS_REGION, the
 * credentials Lambda gives every function, path-style addressing only when XINBAO_S3_PATH_STYLE
 * is `true` (the local emulator). Retries like the SDK's standard mode: up to 3 attempts on a
 * throttle, a server error or a broken connection, with jittered exponential back-off.
 */
import { request as httpsRequest } from 'node:https';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';
import { envNames } from '../../config';
import { plainHttpRequest, uriEncode } from '../aws/signed-request';
import { childOf, childrenOf, childText, parseXml } from './xml';

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface S3Settings {
  /** Base URL of the service: `https://s3.<region>.amazonaws.com`, or an emulator's. */
  endpoint: string;
  region: string;
  credentials: S3Credentials;
  /** `https://host/bucket/key` instead of `https://bucket.host/key`. */
  pathStyle: boolean;
  maxAttempts: number;
  /** Socket inactivity allowed per attempt (connecting, or waiting for bytes). */
  idleTimeoutMs: number;
}

/** Read when a request is made (like the SDK's providers): a missing setting fails that request only. */
export function s3SettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): S3Settings {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (!region) throw new Error('missing environment variable AWS_REGION');
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) throw new Error('no AWS credentials in the environment');
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return {
    endpoint: env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || `https://s3.${region}.${suffix}`,
    region,
    credentials: { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined },
    pathStyle: env[envNames.s3PathStyle] === 'true',
    maxAttempts: 3,
    idleTimeoutMs: 10_000,
  };
}

/** One HTTP exchange, as the transport sees it. */
export interface S3HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: Uint8Array;
}

export interface S3HttpResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Uint8Array;
}

/** Sends one request; rejects only when no answer came (a broken connection, a time-out). */
export type S3Transport = (request: S3HttpRequest, idleTimeoutMs: number) => Promise<S3HttpResponse>;

/** node:http(s) with the default (keep-alive) agents; the body is read whole. */
export const nodeTransport: S3Transport = (input, idleTimeoutMs) =>
  new Promise((resolve, reject) => {
    // node:http only for a plain-HTTP endpoint (s3rver): its ES import would load undici at every cold start.
    const send = input.url.protocol === 'http:' ? plainHttpRequest() : httpsRequest;
    const request = send(
      input.url,
      { method: input.method, headers: input.headers, timeout: idleTimeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`S3 request idle for ${idleTimeoutMs} ms`)));
    request.on('error', reject);
    request.end(input.body);
  });

/** An answer S3 gave instead of success; `name` is S3's error code (`NoSuchKey`, `PreconditionFailed`). */
export class S3Error extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = code;
  }
}

/** HEAD answers carry no body: their status is their code. */
const codeOfStatus: Record<number, string> = {
  304: 'NotModified',
  403: 'Forbidden',
  404: 'NotFound',
  412: 'PreconditionFailed',
};

function errorOf(response: S3HttpResponse): S3Error {
  const text = Buffer.from(response.body).toString('utf8');
  let code = codeOfStatus[response.status] ?? `Http${response.status}`;
  let message = `S3 answered ${response.status}`;
  if (text.trim().startsWith('<')) {
    try {
      const document = parseXml(text);
      code = childText(document, 'Code') || code;
      message = childText(document, 'Message') || message;
    } catch {
      // Not S3's error document (a proxy's page): the status says enough.
    }
  }
  return new S3Error(code, response.status, message, response.headers['x-amz-request-id']);
}

const throttles = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'RequestTimeout',
  'RequestTimeTooSkewed',
]);
const retryable = (response: S3HttpResponse, error: S3Error | undefined) =>
  response.status === 429 || response.status >= 500 || (error !== undefined && throttles.has(error.code));

/** RFC 3986 encoding, as Signature Version 4 canonicalises paths and queries. */

/** `a/b c/d` → `a/b%20c/d`: each segment encoded once, the slashes kept (S3 does not normalise keys). */
const keyPath = (key: string) => key.split('/').map(uriEncode).join('/');

/** A bucket name that can be a host name label (no dots: TLS wildcard certificates cover one label). */
const virtualHostable = (bucket: string) => /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket);

const sha256 = Hash.bind(null, 'sha256');
const unsignedPayload = 'UNSIGNED-PAYLOAD';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ObjectRequest {
  method: 'GET' | 'PUT' | 'HEAD' | 'DELETE' | 'POST';
  bucket: string;
  /** Absent for bucket operations (ListObjectsV2). */
  key?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Uint8Array;
}

/** The S3 port's transport: signed requests and presigned URLs over one configuration. */
export class S3HttpClient {
  private readonly settings: () => S3Settings;

  constructor(
    settings: S3Settings | (() => S3Settings) = () => s3SettingsFromEnvironment(),
    private readonly transport: S3Transport = nodeTransport,
    /** Back-off before attempt `n` (2, 3 …); jittered exponential like the SDK's, replaceable in tests. */
    private readonly backoffMs: (attempt: number) => number = (attempt) =>
      Math.random() * Math.min(20_000, 100 * 2 ** (attempt - 1)),
  ) {
    this.settings = typeof settings === 'function' ? settings : () => settings;
  }

  private target(config: S3Settings, bucket: string, key: string | undefined) {
    const base = new URL(config.endpoint);
    const basePath = base.pathname.replace(/\/+$/, '');
    const objectPath = key === undefined ? '' : `/${keyPath(key)}`;
    if (!config.pathStyle && virtualHostable(bucket)) {
      return { base, hostname: `${bucket}.${base.hostname}`, path: `${basePath}${objectPath || '/'}` };
    }
    return { base, hostname: base.hostname, path: `${basePath}/${uriEncode(bucket)}${objectPath}` };
  }

  private signer(config: S3Settings) {
    return new SignatureV4({
      service: 's3',
      region: config.region,
      credentials: config.credentials,
      sha256,
      // S3 keys are signed as sent: encoded once, never normalised.
      uriEscapePath: false,
    });
  }

  /** The request as the signer and the URL both read it (query values raw, path encoded). */
  private toSign(config: S3Settings, input: ObjectRequest) {
    const { base, hostname, path } = this.target(config, input.bucket, input.key);
    const host = base.port ? `${hostname}:${base.port}` : hostname;
    return {
      method: input.method,
      protocol: base.protocol,
      hostname,
      port: base.port ? Number(base.port) : undefined,
      path,
      query: { ...input.query },
      headers: { ...input.headers, host },
      body: input.body,
    };
  }

  private static urlOf(request: {
    protocol: string;
    headers: Record<string, string>;
    path: string;
    query?: Record<string, unknown>;
  }) {
    const query = Object.entries(request.query ?? {})
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([name, value]) => `${uriEncode(name)}=${uriEncode(value)}`)
      .join('&');
    return new URL(`${request.protocol}//${request.headers.host}${request.path}${query ? `?${query}` : ''}`);
  }

  /**
   * Sends one request, retrying throttles, server errors and broken connections; answers a
   * success (2xx), throws S3Error for any other answer. S3 may answer a copy 200 with an error
   * document: that is an error too.
   */
  async send(input: ObjectRequest): Promise<S3HttpResponse> {
    const config = this.settings();
    const body =
      input.body ?? (input.method === 'PUT' || input.method === 'POST' ? new Uint8Array(0) : undefined);
    const headers = { ...input.headers, ...(body ? { 'content-length': String(body.byteLength) } : {}) };
    let failure: unknown;
    for (let attempt = 1; attempt <= config.maxAttempts; attempt++) {
      if (attempt > 1) await sleep(this.backoffMs(attempt));
      const signed = await this.signer(config).sign(this.toSign(config, { ...input, headers, body }), {
        signingDate: new Date(),
      });
      const url = S3HttpClient.urlOf(signed);
      let response: S3HttpResponse;
      try {
        response = await this.transport(
          { method: input.method, url, headers: signed.headers, body },
          config.idleTimeoutMs,
        );
      } catch (error) {
        failure = error;
        continue;
      }
      if (response.status >= 200 && response.status < 300) {
        if (input.headers?.['x-amz-copy-source'] && errorDocumentIn(response)) {
          failure = errorOf(response);
          if (retryable({ ...response, status: 500 }, failure as S3Error)) continue;
          throw failure;
        }
        return response;
      }
      const error = errorOf(response);
      if (!retryable(response, error)) throw error;
      failure = error;
    }
    throw failure;
  }

  /**
   * A URL anyone may use until it expires, for one GET or PUT. `signedHeaders` are headers the
   * user of the URL must send exactly (a PUT's Content-Type and Content-Length); `query` carries
   * response overrides (`response-content-disposition`).
   */
  async presign(input: {
    method: 'GET' | 'PUT';
    bucket: string;
    key: string;
    query?: Record<string, string>;
    signedHeaders?: Record<string, string>;
    expiresIn: number;
    signingDate?: Date;
  }): Promise<string> {
    const config = this.settings();
    const request = this.toSign(config, {
      method: input.method,
      bucket: input.bucket,
      key: input.key,
      query: input.query,
      // Spelled as the SDK's presigner spells it, so the URLs are the ones it would make.
      headers: { ...input.signedHeaders, 'X-Amz-Content-Sha256': unsignedPayload },
    });
    const presigned = await this.signer(config).presign(request, {
      expiresIn: input.expiresIn,
      signingDate: input.signingDate ?? new Date(),
    });
    return S3HttpClient.urlOf(presigned).toString();
  }
}

function errorDocumentIn(response: S3HttpResponse): boolean {
  const text = Buffer.from(response.body).toString('utf8');
  if (!text.includes('<Error')) return false;
  try {
    return parseXml(text).name === 'Error';
  } catch {
    return false;
  }
}

export interface ListPage {
  keys: string[];
  /** Present when there are more keys: pass it back for the next page. */
  nextToken?: string;
}

/** One page of ListObjectsV2's answer; keys URL-decoded when S3 encoded them (`encoding-type=url`). */
export function readListPage(xml: string): ListPage {
  const document = parseXml(xml);
  if (document.name !== 'ListBucketResult')
    throw new Error(`unexpected ListObjectsV2 answer <${document.name}>`);
  const encoded = childText(document, 'EncodingType') === 'url';
  const decode = (value: string) => (encoded ? decodeURIComponent(value.replace(/\+/g, ' ')) : value);
  const keys = childrenOf(document, 'Contents').flatMap((entry) => {
    const key = childOf(entry, 'Key');
    return key ? [decode(key.text)] : [];
  });
  const truncated = childText(document, 'IsTruncated') === 'true';
  const token = childText(document, 'NextContinuationToken');
  return truncated && token ? { keys, nextToken: token } : { keys };
}
