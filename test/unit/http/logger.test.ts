import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { injectLambdaContext, Logger } from '#shared/http/logger';

const context = {
  functionName: 'xinbao-units',
  memoryLimitInMB: '512',
  invokedFunctionArn: 'arn:aws:lambda:cn-north-1:000000000000:function:xinbao-units',
  awsRequestId: 'req-1',
} as Context;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  const lines = (list: string[]) => list.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { out: () => lines(out), err: () => lines(err) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the structured logger', () => {
  it("writes one JSON line with Powertools' fields, the appended keys and the line's own", async () => {
    const logs = capture();
    const logger = new Logger({ serviceName: 'xinbao', logLevel: 'INFO' });
    const middleware = injectLambdaContext(logger, { resetKeys: true });
    const request = { context, event: {}, response: undefined, error: undefined, internal: {} };
    await middleware.before?.(request as never);
    logger.appendKeys({ role: 'admin', unitId: undefined, operation: 'createUnit' });
    logger.info('request', { routeKey: 'POST /units', status: 201 });
    logger.debug('not at INFO');
    const [line] = logs.out();
    expect(logs.out()).toHaveLength(1);
    expect(Object.keys(line ?? {}).slice(0, 10)).toEqual([
      'level',
      'message',
      'timestamp',
      'service',
      'cold_start',
      'function_arn',
      'function_memory_size',
      'function_name',
      'function_request_id',
      'sampling_rate',
    ]);
    expect(line).toMatchObject({
      level: 'INFO',
      message: 'request',
      service: 'xinbao',
      cold_start: true,
      function_name: 'xinbao-units',
      function_request_id: 'req-1',
      role: 'admin',
      operation: 'createUnit',
      routeKey: 'POST /units',
      status: 201,
    });
    expect(line).not.toHaveProperty('unitId');

    // The next invocation: no cold start, and no keys left over from the last one.
    await middleware.after?.(request as never);
    await middleware.before?.({ ...request, context: { ...context, awsRequestId: 'req-2' } } as never);
    logger.warn('later');
    expect(logs.err()[0]).toMatchObject({ level: 'WARN', cold_start: false, function_request_id: 'req-2' });
    expect(logs.err()[0]).not.toHaveProperty('role');
  });

  it('writes errors with name, location, message and stack, and nothing when SILENT', () => {
    const logs = capture();
    new Logger({ logLevel: 'INFO' }).error('request failed', { error: new TypeError('boom') });
    const error = logs.err()[0]?.error as Record<string, unknown>;
    expect(error).toMatchObject({ name: 'TypeError', message: 'boom' });
    expect(error.location).toMatch(/logger\.test\.ts:\d+$/);
    expect(error.stack).toContain('TypeError: boom');
    new Logger({ logLevel: 'SILENT' }).error('quiet');
    expect(logs.err()).toHaveLength(1);
  });
});
