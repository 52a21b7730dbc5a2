import type { Answer } from '../aws/signed-request';
import { type InvokeSettings, invokeSettingsFromEnvironment, invokeWithRetries } from './async-invoke';

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
    const answer = await invokeWithRetries(settings(), functionName, payload, 'RequestResponse');
    const failed = functionError(answer);
    if (failed) throw new Error(`${functionName} failed: ${functionErrorMessage(answer) || failed}`);
    if (answer.status !== 200) {
      throw new Error(
        `${functionName} invoke answered ${String(answer.status)} ${answer.body.slice(0, 200)}`.trim(),
      );
    }
    return answer.body === '' ? null : (JSON.parse(answer.body) as unknown);
  };
}
