import { type Answer, post, signedHeaders } from '../aws/signed-request';
import { type InvokeSettings, invokeSettingsFromEnvironment, retryable, uriEncode } from './async-invoke';

/**
 * Synchronous (`RequestResponse`) Lambda invokes: the caller waits for the function's answer, as
 * publishing waits for the Word renderer. The same signed POST to the Invoke API as the
 * asynchronous invokes (async-invoke.ts), configured from the environment alike; the socket may
 * stay quiet while the function runs, so inactivity is allowed as long as the whole exchange.
 * A throttle or a Lambda server error gets a second attempt; a function error (the function
 * threw) is the caller's error at once, with the function's own message.
 */
export type SyncInvoker = (functionName: string, payload: unknown) => Promise<unknown>;

export function syncInvokeSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): InvokeSettings {
  const requestTimeoutMs = 25_000;
  return {
    ...invokeSettingsFromEnvironment(env),
    maxAttempts: 2,
    requestTimeoutMs,
    connectTimeoutMs: requestTimeoutMs,
  };
}

function functionError(answer: Answer): string | undefined {
  const value = answer.headers['x-amz-function-error'];
  return Array.isArray(value) ? value[0] : value;
}

function functionErrorMessage(answer: Answer): string {
  try {
    const body = JSON.parse(answer.body) as { errorType?: unknown; errorMessage?: unknown };
    return [body.errorType, body.errorMessage].filter((part) => typeof part === 'string').join(': ');
  } catch {
    return answer.body.slice(0, 200);
  }
}

export function lambdaCaller(
  settings: () => InvokeSettings = () => syncInvokeSettingsFromEnvironment(),
): SyncInvoker {
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
          'x-amz-invocation-type': 'RequestResponse',
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
    const failed = answer && functionError(answer);
    if (answer && failed) {
      throw new Error(`${functionName} failed: ${functionErrorMessage(answer) || failed}`);
    }
    if (answer?.status !== 200) {
      throw new Error(
        `${functionName} invoke answered ${String(answer?.status)} ${answer?.body.slice(0, 200) ?? ''}`.trim(),
      );
    }
    return answer.body === '' ? null : (JSON.parse(answer.body) as unknown);
  };
}
