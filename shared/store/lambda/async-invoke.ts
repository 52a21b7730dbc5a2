import { request as httpsRequest } from 'node:https';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * Asynchronous (`Event`) Lambda invokes made while a caller waits (a submission, a publication):
 * Lambda queues the event, answers 202 at once and retries a failed run twice; anything but 202
 * is an error for the caller to log, and a scheduled sweep is every such invoke's safety net.
 *
 * One signed POST to the Invoke API (`/2015-03-31/functions/{name}/invocations`) rather than
 * `@aws-sdk/client-lambda`, whose schemas of every Lambda operation weighed ~70 KB in each bundle
 * that invokes. Configured like an SDK client, from the environment alone: the endpoint from
 * AWS_ENDPOINT_URL_LAMBDA (the local Invoke API, infra/local/lambda) or Lambda's regional one,
 * the region from AWS_REGION, the credentials Lambda gives every function (AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), signed with Signature Version 4 by the SDK's own
 * signer (`@smithy/signature-v4`, already in every bundle through the DynamoDB client). Fails fast: two
 * attempts, one second to connect, three seconds in all per attempt.
 */
export type AsyncInvoker = (functionName: string, payload: unknown) => Promise<void>;

export interface InvokeSettings {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  maxAttempts: number;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

/** Read on each invoke, like the SDK's providers: a missing setting fails that invoke only. */
export function invokeSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): InvokeSettings {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (!region) throw new Error('missing environment variable AWS_REGION');
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) throw new Error('no AWS credentials in the environment');
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return {
    endpoint: env.AWS_ENDPOINT_URL_LAMBDA || env.AWS_ENDPOINT_URL || `https://lambda.${region}.${suffix}`,
    region,
    credentials: { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined },
    maxAttempts: 2,
    connectTimeoutMs: 1000,
    requestTimeoutMs: 3000,
  };
}

const sha256 = Hash.bind(null, 'sha256');

/** RFC 3986 encoding of a path segment (a function name or ARN). */
const uriEncode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Signature Version 4 headers for one request without a query string, by the SDK's own signer. */
export async function signedHeaders(input: {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array;
  service: string;
  region: string;
  credentials: InvokeSettings['credentials'];
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

interface Answer {
  status: number;
  functionError?: string;
  body: string;
}

/**
 * `node:http` only for a plain-HTTP endpoint (the local Invoke API), taken from the CommonJS module
 * rather than imported: an ES import of `node:http` makes Node build its ES facade, which reads
 * every export and so loads the bundled undici (WebSocket, fetch) — ~13 ms of every cold start of a
 * function that invokes, although the cloud's endpoint is always HTTPS.
 */
const plainHttpRequest = () => process.getBuiltinModule('node:http').request;

function post(url: URL, headers: Record<string, string>, body: Uint8Array, settings: InvokeSettings) {
  return new Promise<Answer>((resolve, reject) => {
    const send = url.protocol === 'http:' ? plainHttpRequest() : httpsRequest;
    const request = send(url, { method: 'POST', headers, timeout: settings.connectTimeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        clearTimeout(deadline);
        const functionError = response.headers['x-amz-function-error'];
        resolve({
          status: response.statusCode ?? 0,
          functionError: Array.isArray(functionError) ? functionError[0] : functionError,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    const deadline = setTimeout(
      () => request.destroy(new Error(`invoke timed out after ${settings.requestTimeoutMs} ms`)),
      settings.requestTimeoutMs,
    );
    // `timeout` is socket inactivity: before the connection, that is the connect time-out.
    request.on('timeout', () => request.destroy(new Error('invoke connection timed out')));
    request.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    request.end(body);
  });
}

/** Throttles and server errors are worth the second attempt; a refusal (4xx) is not. */
const retryable = (status: number) => status === 429 || status >= 500;

/** An `AsyncInvoker` over the Invoke API; settings are read on each invoke unless given. */
export function lambdaInvoker(
  settings: () => InvokeSettings = () => invokeSettingsFromEnvironment(),
): AsyncInvoker {
  return async (functionName, payload) => {
    const config = settings();
    const base = config.endpoint.replace(/\/+$/, '');
    const url = new URL(`${base}/2015-03-31/functions/${uriEncode(functionName)}/invocations`);
    const body = new TextEncoder().encode(JSON.stringify(payload));
    let answer: Answer | undefined;
    let failure: unknown;
    for (let attempt = 1; attempt <= config.maxAttempts; attempt++) {
      const headers = await signedHeaders({
        method: 'POST',
        url,
        headers: {
          'content-type': 'application/json',
          'content-length': String(body.byteLength),
          'x-amz-invocation-type': 'Event',
        },
        body,
        service: 'lambda',
        region: config.region,
        credentials: config.credentials,
        now: new Date(),
      });
      try {
        answer = await post(url, headers, body, config);
        failure = undefined;
        if (!retryable(answer.status)) break;
      } catch (error) {
        failure = error;
      }
    }
    if (failure) throw failure;
    if (answer?.status !== 202 || answer.functionError) {
      const detail = answer?.functionError ?? (answer?.body.slice(0, 200) || '');
      throw new Error(`${functionName} invoke answered ${String(answer?.status)} ${detail}`.trim());
    }
  };
}
