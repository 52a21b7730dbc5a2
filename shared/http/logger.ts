import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';

/**
 * One logger per function process. Log lines carry ids, roles, routes and timings only:
 * never token values, never item text.
 *
 * A small structured JSON logger with the fields (and order) of Powertools for AWS Lambda's
 * default format — level, message, timestamp, service, cold_start, function_arn,
 * function_memory_size, function_name, function_request_id, sampling_rate, xray_trace_id, then
 * the appended keys and the line's own fields — in a few hundred bytes instead of Powertools'
 * ~21 KB in every bundle. The level comes from POWERTOOLS_LOG_LEVEL (or AWS_LAMBDA_LOG_LEVEL,
 * LOG_LEVEL; INFO by default; SILENT logs nothing), read when the logger is built. DEBUG and
 * INFO go to stdout, WARN and ERROR to stderr, as Powertools' console does.
 */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'CRITICAL' | 'SILENT';
export type LogAttributes = Record<string, unknown>;

const severity: Record<LogLevel, number> = {
  DEBUG: 8,
  INFO: 12,
  WARN: 16,
  ERROR: 20,
  CRITICAL: 24,
  SILENT: 28,
};

function levelFrom(value: string | undefined): LogLevel | undefined {
  const upper = value?.trim().toUpperCase();
  return upper && upper in severity ? (upper as LogLevel) : undefined;
}

/** An Error as Powertools writes it: name, location (file:line of the throw), message, stack. */
function errorFields(error: Error): LogAttributes {
  const frame = /\(?([^\s()]+):(\d+):\d+\)?$/m.exec(
    error.stack?.split('\n').find((line) => /^\s+at /.test(line)) ?? '',
  );
  return {
    name: error.name,
    location: frame ? `${frame[1]}:${frame[2]}` : '',
    message: error.message,
    stack: error.stack,
    ...(error.cause === undefined
      ? {}
      : { cause: error.cause instanceof Error ? errorFields(error.cause) : error.cause }),
  };
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return errorFields(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export class Logger {
  readonly #service: string;
  readonly #threshold: number;
  #keys: LogAttributes = {};
  #context: Context | undefined;
  #coldStart = true;

  constructor(options: { serviceName?: string; logLevel?: LogLevel } = {}) {
    this.#service = options.serviceName ?? process.env.POWERTOOLS_SERVICE_NAME ?? 'service_undefined';
    const level =
      options.logLevel ??
      levelFrom(process.env.POWERTOOLS_LOG_LEVEL) ??
      levelFrom(process.env.AWS_LAMBDA_LOG_LEVEL) ??
      levelFrom(process.env.LOG_LEVEL) ??
      'INFO';
    this.#threshold = severity[level];
  }

  debug(message: string, extra?: LogAttributes): void {
    this.#write('DEBUG', message, extra);
  }

  info(message: string, extra?: LogAttributes): void {
    this.#write('INFO', message, extra);
  }

  warn(message: string, extra?: LogAttributes): void {
    this.#write('WARN', message, extra);
  }

  error(message: string, extra?: LogAttributes): void {
    this.#write('ERROR', message, extra);
  }

  /** Keys added to every later line until `resetKeys` (undefined values are left out). */
  appendKeys(keys: LogAttributes): void {
    this.#keys = { ...this.#keys, ...keys };
  }

  resetKeys(): void {
    this.#keys = {};
  }

  /** The Lambda context of the invocation now running (the first one is the cold start). */
  addContext(context: Context): void {
    this.#context = context;
  }

  /** Called once an invocation is over: the next one is no longer a cold start. */
  endInvocation(): void {
    if (this.#context) this.#coldStart = false;
  }

  #write(level: LogLevel, message: string, extra: LogAttributes | undefined): void {
    if (severity[level] < this.#threshold) return;
    const context = this.#context;
    const trace = process.env._X_AMZN_TRACE_ID?.split(';')[0]?.replace('Root=', '');
    const line = {
      level,
      message,
      timestamp: new Date().toISOString(),
      service: this.#service,
      cold_start: context ? this.#coldStart : undefined,
      function_arn: context?.invokedFunctionArn,
      function_memory_size: context?.memoryLimitInMB,
      function_name: context?.functionName,
      function_request_id: context?.awsRequestId,
      sampling_rate: 0,
      xray_trace_id: trace,
      ...this.#keys,
      ...extra,
    };
    const text = `${JSON.stringify(line, replacer)}\n`;
    if (severity[level] >= severity.WARN) process.stderr.write(text);
    else process.stdout.write(text);
  }
}

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'xinbao' });

/**
 * Middy middleware in place of Powertools' `injectLambdaContext`: the invocation's context on
 * every line, and (with `resetKeys`) no keys carried over from the previous invocation.
 */
export function injectLambdaContext(
  target: Logger,
  options: { resetKeys?: boolean } = {},
): MiddlewareObj<unknown, unknown, Error, Context> {
  const finish = () => {
    if (options.resetKeys) target.resetKeys();
    target.endInvocation();
  };
  return {
    before: (request) => {
      target.addContext(request.context);
    },
    after: finish,
    onError: finish,
  };
}
