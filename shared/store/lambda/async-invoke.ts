import {
  type Answer,
  type Credentials,
  post,
  regionAndCredentials,
  regionalEndpoint,
  signedHeaders,
  uriEncode,
} from '../aws/signed-request';

export { signedHeaders };

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
  credentials: Credentials;
  maxAttempts: number;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

/** Read on each invoke, like the SDK's providers: a missing setting fails that invoke only. */
export function invokeSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): InvokeSettings {
  const { region, credentials } = regionAndCredentials(env);
  return {
    endpoint: env.AWS_ENDPOINT_URL_LAMBDA || env.AWS_ENDPOINT_URL || regionalEndpoint('lambda', region),
    region,
    credentials,
    maxAttempts: 2,
    connectTimeoutMs: 1000,
    requestTimeoutMs: 3000,
  };
}

/** Throttles and server errors are worth the second attempt; a refusal (4xx) is not. */
export const retryable = (status: number) => status === 429 || status >= 500;

/**
 * One invoke through the Invoke API, signed and posted, a throttle or server error retried up to
 * `maxAttempts`; answers what the API answered last (asynchronous and synchronous invokes alike).
 */
export async function invokeWithRetries(
  config: InvokeSettings,
  functionName: string,
  payload: unknown,
  invocationType: 'Event' | 'RequestResponse',
): Promise<Answer> {
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
        'x-amz-invocation-type': invocationType,
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
  if (failure || !answer) throw failure;
  return answer;
}

/** An `AsyncInvoker` over the Invoke API; settings are read on each invoke unless given. */
export function lambdaInvoker(
  settings: () => InvokeSettings = () => invokeSettingsFromEnvironment(),
): AsyncInvoker {
  return async (functionName, payload) => {
    const answer = await invokeWithRetries(settings(), functionName, payload, 'Event');
    const header = answer.headers['x-amz-function-error'];
    const functionError = Array.isArray(header) ? header[0] : header;
    if (answer.status !== 202 || functionError) {
      const detail = functionError ?? (answer.body.slice(0, 200) || '');
      throw new Error(`${functionName} invoke answered ${String(answer.status)} ${detail}`.trim());
    }
  };
}
