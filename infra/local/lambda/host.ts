import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { countInvocation } from '../usage';
import { type FunctionSpec, lambdaContext } from './context';

export type LambdaHandler = (event: unknown, context: Context) => unknown;

/** The catalogue name of the function whose invocation is running (what IAM knows as its role). */
const invocation = new AsyncLocalStorage<string>();
export const currentFunctionName = (): string | undefined => invocation.getStore();

export class LambdaTimeoutError extends Error {
  constructor(name: string, seconds: number) {
    super(`Task timed out after ${seconds.toFixed(2)} seconds (${name})`);
    this.name = 'LambdaTimeoutError';
  }
}

/** Runs functions by name the way the Lambda service would: JSON in, JSON out, a context, a timeout. */
export interface FunctionHost {
  invoke(name: string, event: unknown, requestId?: string): Promise<unknown>;
}

export interface FunctionHostOptions {
  specs: Readonly<Record<string, FunctionSpec>>;
  load: (name: string) => Promise<LambdaHandler>;
  now?: () => number;
}

export interface LoadingFunctionHost extends FunctionHost {
  /** Loads every module now, so a broken import fails the start-up rather than the first request. */
  preload(): Promise<void>;
}

/** Events and results cross a JSON boundary in Lambda; so they do here (no shared objects, no Dates). */
const jsonCopy = (value: unknown): unknown =>
  value === undefined ? null : JSON.parse(JSON.stringify(value));

export function createFunctionHost(options: FunctionHostOptions): LoadingFunctionHost {
  const now = options.now ?? Date.now;
  const loaded = new Map<string, Promise<LambdaHandler>>();

  const handlerOf = (name: string): Promise<LambdaHandler> => {
    let handler = loaded.get(name);
    if (!handler) {
      handler = options.load(name);
      loaded.set(name, handler);
    }
    return handler;
  };

  return {
    async preload() {
      await Promise.all(Object.keys(options.specs).map(handlerOf));
    },

    async invoke(name, event, requestId = randomUUID()) {
      const spec = options.specs[name];
      if (!spec) throw new Error(`no function named "${name}"`);
      const handler = await handlerOf(name);
      const timeoutMs = spec.timeoutSeconds * 1000;
      const context = lambdaContext(name, spec, requestId, now() + timeoutMs, now);
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new LambdaTimeoutError(name, spec.timeoutSeconds)), timeoutMs);
      });
      try {
        const result = await Promise.race([
          invocation.run(name, () => Promise.resolve(handler(jsonCopy(event), context))),
          timeout,
        ]);
        return jsonCopy(result);
      } finally {
        clearTimeout(timer);
        countInvocation(name, performance.now() - started);
      }
    },
  };
}
