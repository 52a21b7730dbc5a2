import { request as httpsRequest } from 'node:https';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * One Signature Version 4 request to an AWS API, for the few calls the functions make outside the
 * DynamoDB client (a Lambda `Event` invoke, an SES SendEmail): each SDK client would bring its
 * schemas, errors and protocol into every bundle that sends one (client-lambda ~70 KB,
 * client-ses ~40 KB). Signed by the SDK's own signer (`@smithy/signature-v4`, already in every
 * bundle through the DynamoDB client).
 */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Where and as whom: configured like an SDK client, from the environment. */
export interface AwsTarget {
  endpoint: string;
  region: string;
  credentials: Credentials;
}

/** The region and the credentials Lambda gives every function; read on each call. */
export function regionAndCredentials(env: NodeJS.ProcessEnv = process.env): Omit<AwsTarget, 'endpoint'> {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (!region) throw new Error('missing environment variable AWS_REGION');
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) throw new Error('no AWS credentials in the environment');
  return {
    region,
    credentials: { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined },
  };
}

/** RFC 3986 encoding of a path segment (a function name, a bucket or a key's part), as SigV4 wants it. */
export const uriEncode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A service's regional endpoint (the China regions have their own domain). */
export const regionalEndpoint = (prefix: string, region: string) =>
  `https://${prefix}.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`;

const sha256 = Hash.bind(null, 'sha256');

/** Signature Version 4 headers for one request without a query string, by the SDK's own signer. */
export async function signedHeaders(input: {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array;
  service: string;
  region: string;
  credentials: Credentials;
  now: Date;
}): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    service: input.service,
    region: input.region,
    credentials: input.credentials,
    sha256,
  });
  const signed = await signer.sign(
    {
      method: input.method,
      protocol: input.url.protocol,
      hostname: input.url.hostname,
      port: input.url.port ? Number(input.url.port) : undefined,
      path: input.url.pathname,
      query: {},
      headers: { ...input.headers, host: input.url.host },
      body: input.body,
    },
    { signingDate: input.now },
  );
  return signed.headers;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface Timeouts {
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

/**
 * `node:http` only for a plain-HTTP endpoint (the local emulators), taken from the CommonJS module
 * rather than imported: an ES import of `node:http` makes Node build its ES facade, which reads
 * every export and so loads the bundled undici (WebSocket, fetch) — ~13 ms of every cold start of a
 * function that imports it, although the cloud's endpoints are always HTTPS.
 */
export const plainHttpRequest = () => process.getBuiltinModule('node:http').request;

/** One POST; resolves with whatever status the server answered, rejects on a network failure. */
export function post(url: URL, headers: Record<string, string>, body: Uint8Array, timeouts: Timeouts) {
  return new Promise<Answer>((resolve, reject) => {
    const send = url.protocol === 'http:' ? plainHttpRequest() : httpsRequest;
    const request = send(url, { method: 'POST', headers, timeout: timeouts.connectTimeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        clearTimeout(deadline);
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    const deadline = setTimeout(
      () => request.destroy(new Error(`request timed out after ${timeouts.requestTimeoutMs} ms`)),
      timeouts.requestTimeoutMs,
    );
    // `timeout` is socket inactivity: before the connection, that is the connect time-out.
    request.on('timeout', () => request.destroy(new Error('connection timed out')));
    request.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    request.end(body);
  });
}
