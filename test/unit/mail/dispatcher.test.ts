import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { outboxPut } from '#shared/store/dynamo/outbox';
import { type AsyncInvoker, lambdaInvoker, signedHeaders } from '#shared/store/lambda/async-invoke';
import { LambdaMailDispatcher, mailDispatcherFromEnvironment } from '#shared/store/lambda/mail-dispatcher';

afterEach(() => {
  delete process.env.MAILER_FUNCTION_NAME;
});

function recordingInvoker(): AsyncInvoker & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  const invoke = async (name: string, payload: unknown) => {
    calls.push([name, payload]);
  };
  return Object.assign(invoke, { calls });
}

/** A stand-in for the Lambda Invoke API that answers each request with the next status. */
async function invokeApi(statuses: number[]) {
  const seen: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.statusCode = statuses.shift() ?? 202;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { endpoint, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const settingsFor = (endpoint: string) => () => ({
  endpoint,
  region: 'cn-north-1',
  credentials: { ...credentials, sessionToken: 'session' },
  maxAttempts: 2,
  connectTimeoutMs: 1000,
  requestTimeoutMs: 3000,
});

describe('LambdaMailDispatcher', () => {
  it('invokes the mailer with the message ids, and does nothing for no ids', async () => {
    const invoke = recordingInvoker();
    const dispatcher = new LambdaMailDispatcher('xinbao-mailer', invoke);
    await dispatcher.dispatch([]);
    expect(invoke.calls).toHaveLength(0);
    await dispatcher.dispatch(['m1', 'm2']);
    expect(invoke.calls).toEqual([['xinbao-mailer', { kind: 'send', messageIds: ['m1', 'm2'] }]]);
  });

  it('reads MAILER_FUNCTION_NAME at dispatch time', async () => {
    const invoke = recordingInvoker();
    const dispatcher = mailDispatcherFromEnvironment(invoke);
    await expect(dispatcher.dispatch(['m1'])).rejects.toThrow(/MAILER_FUNCTION_NAME/);
    process.env.MAILER_FUNCTION_NAME = 'mailer';
    await dispatcher.dispatch(['m1']);
    expect(invoke.calls[0]?.[0]).toBe('mailer');
  });
});

describe('the asynchronous Lambda invoke (signed POST to the Invoke API)', () => {
  it('posts an Event invoke of the JSON payload, signed for Lambda with the session token', async () => {
    const api = await invokeApi([202]);
    try {
      await lambdaInvoker(settingsFor(api.endpoint))('xinbao-mailer', { kind: 'send', messageIds: ['m1'] });
      const [request] = api.seen;
      expect(request).toMatchObject({
        method: 'POST',
        url: '/2015-03-31/functions/xinbao-mailer/invocations',
      });
      expect(JSON.parse(request?.body ?? '')).toEqual({ kind: 'send', messageIds: ['m1'] });
      expect(request?.headers).toMatchObject({
        'x-amz-invocation-type': 'Event',
        'x-amz-security-token': 'session',
        'content-type': 'application/json',
      });
      expect(request?.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-north-1\/lambda\/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-invocation-type;x-amz-security-token, Signature=[0-9a-f]{64}$/,
      );
    } finally {
      await api.close();
    }
  });

  it('retries a server error once, and fails on anything but 202', async () => {
    const retried = await invokeApi([500, 202]);
    try {
      await lambdaInvoker(settingsFor(retried.endpoint))('mailer', {});
      expect(retried.seen).toHaveLength(2);
    } finally {
      await retried.close();
    }
    const refused = await invokeApi([200, 403]);
    try {
      await expect(lambdaInvoker(settingsFor(refused.endpoint))('mailer', {})).rejects.toThrow(
        /answered 200/,
      );
      await expect(lambdaInvoker(settingsFor(refused.endpoint))('mailer', {})).rejects.toThrow(
        /answered 403/,
      );
      expect(refused.seen).toHaveLength(2);
    } finally {
      await refused.close();
    }
  });

  it('signs for Lambda in the region, with the session token among the signed headers', async () => {
    const url = new URL(
      'https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Amailer/invocations',
    );
    const headers = await signedHeaders({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'Event' },
      body: new TextEncoder().encode('{"kind":"send"}'),
      service: 'lambda',
      region: 'us-east-1',
      credentials: { ...credentials, sessionToken: 'session' },
      now: new Date('2026-11-24T08:00:00Z'),
    });
    expect(headers['x-amz-date']).toBe('20261124T080000Z');
    expect(headers['x-amz-security-token']).toBe('session');
    expect(headers.authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/20261124/us-east-1/lambda/aws4_request, ` +
          'SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-invocation-type;x-amz-security-token, Signature=[0-9a-f]{64}$',
      ),
    );
  });
});

describe('outboxPut', () => {
  it('puts a pending entry with its sparse gsi3 keys, never over an existing one', () => {
    const put = outboxPut('t', {
      messageId: 'm1',
      kind: 'urgent-item',
      refId: 'item-1',
      createdAt: '2026-11-24T16:05:00.000Z',
      status: 'pending',
      attempts: 0,
      sentTo: [],
    });
    expect(put).toEqual({
      Put: {
        TableName: 't',
        Item: {
          pk: 'OUTBOX#m1',
          sk: 'MAIL',
          gsi3pk: 'OUTBOX#pending',
          gsi3sk: '2026-11-24T16:05:00.000Z#m1',
          messageId: 'm1',
          kind: 'urgent-item',
          refId: 'item-1',
          createdAt: '2026-11-24T16:05:00.000Z',
          status: 'pending',
          attempts: 0,
          sentTo: [],
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  });
});
