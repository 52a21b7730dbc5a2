import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedRouteKeys } from '../../../infra/local/gateway/router';
import { maxPayloadBytes } from '../../../infra/local/gateway/server';
import { routeKey, routes } from '../../../shared/catalogue/routes';
import { rawRequest } from '../../support/http';
import { startFixtureGateway } from './gateway-fixture';

const fixture = startFixtureGateway();
let base = '';
beforeAll(async () => {
  base = await fixture.listen();
});
afterAll(() => fixture.gateway.close());

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe('local gateway: payload format 2.0 events', () => {
  it('builds the event API Gateway would send', async () => {
    const response = await rawRequest(`${base}/things/hello%20world%2Fx/items?b=2&a=1&a=%E4%B8%AD+3&flag`, {
      headers: [
        ['User-Agent', 'gateway-test'],
        ['X-Multi', 'one'],
        ['X-Multi', 'two'],
        ['Cookie', 'a=1; b=2'],
      ],
    });
    expect(response.status).toBe(200);
    const { event, context } = json(response.text) as {
      event: Record<string, unknown> & {
        headers: Record<string, string>;
        requestContext: Record<string, unknown>;
      };
      context: Record<string, unknown>;
    };
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /things/{thingId}/items',
      rawPath: '/things/hello%20world%2Fx/items',
      rawQueryString: 'b=2&a=1&a=%E4%B8%AD+3&flag',
      cookies: ['a=1', 'b=2'],
      queryStringParameters: { b: '2', a: '1,中 3', flag: '' },
      pathParameters: { thingId: 'hello world/x' },
      isBase64Encoded: false,
    });
    expect(event).not.toHaveProperty('body');
    expect(event.headers['x-multi']).toBe('one,two');
    expect(event.headers['user-agent']).toBe('gateway-test');
    expect(event.headers).not.toHaveProperty('cookie');
    expect(Object.keys(event.headers).every((name) => name === name.toLowerCase())).toBe(true);
    expect(event.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(event.requestContext).toMatchObject({
      accountId: expect.stringMatching(/^\d{12}$/),
      apiId: expect.any(String),
      domainName: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      domainPrefix: '127',
      http: {
        method: 'GET',
        path: '/things/hello%20world%2Fx/items',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'gateway-test',
      },
      routeKey: 'GET /things/{thingId}/items',
      stage: '$default',
      time: expect.stringMatching(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/),
      timeEpoch: expect.any(Number),
    });
    expect(event.requestContext).not.toHaveProperty('authorizer');
    expect(response.headers['apigw-requestid']).toBe(event.requestContext.requestId);
    expect(context).toMatchObject({
      functionName: 'xinbao-echo',
      functionVersion: '$LATEST',
      memoryLimitInMB: '128',
    });
    expect(context.remainingMs).toBeGreaterThan(2000);
    expect(context.remainingMs).toBeLessThanOrEqual(3000);
  });

  it('gives every request its own request id', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = await rawRequest(`${base}/things/x/items`);
      ids.add(String(response.headers['apigw-requestid']));
    }
    expect(ids.size).toBe(3);
  });

  it('passes text bodies as strings and binary bodies base64-encoded', async () => {
    const text = await rawRequest(`${base}/upload`, {
      method: 'POST',
      headers: [['content-type', 'application/json; charset=utf-8']],
      body: '{"标题":"测试"}',
    });
    expect(json(text.text).event).toMatchObject({ body: '{"标题":"测试"}', isBase64Encoded: false });

    const bytes = Buffer.from([0, 1, 2, 200, 255]);
    const binary = await rawRequest(`${base}/upload`, {
      method: 'POST',
      headers: [['content-type', 'application/octet-stream']],
      body: bytes,
    });
    const event = json(binary.text).event as {
      body: string;
      isBase64Encoded: boolean;
      headers: Record<string, string>;
    };
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body, 'base64')).toEqual(bytes);
    expect(event.headers['content-length']).toBe('5');
  });

  it('matches greedy paths and prefers literal segments over parameters', async () => {
    const greedy = await rawRequest(`${base}/files/a/b%20c.txt`);
    expect((json(greedy.text).event as { pathParameters: unknown }).pathParameters).toEqual({
      path: 'a/b c.txt',
    });
    const literal = await rawRequest(`${base}/things/special/items`);
    expect(json(literal.text)).toEqual({ hello: '世界', list: [1, 2] });
    expect(literal.headers['content-type']).toBe('application/json');
  });

  it('answers unknown routes and wrong methods 404 exactly as API Gateway does', async () => {
    for (const [method, path] of [
      ['GET', '/nowhere'],
      ['DELETE', '/things/x/items'],
      ['GET', '/things/x'],
      ['GET', '/things//items'],
    ] as const) {
      const response = await rawRequest(`${base}${path}`, { method });
      expect(response.status).toBe(404);
      expect(response.text).toBe('{"message":"Not Found"}');
    }
  });
});

describe('local gateway: responses', () => {
  it('maps structured results: status, headers, cookies, base64 bodies', async () => {
    const response = await rawRequest(`${base}/cookies`);
    expect(response.status).toBe(201);
    expect(response.headers['x-count']).toBe('3');
    expect(response.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
    expect(response.body).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('turns a throwing, timing-out or malformed handler into 500', async () => {
    for (const path of ['/boom', '/slow', '/malformed']) {
      const response = await rawRequest(`${base}${path}`);
      expect(response.status, path).toBe(500);
      expect(response.text).toBe('{"message":"Internal Server Error"}');
    }
  });

  it('refuses payloads over 10 MB with 413', async () => {
    const response = await rawRequest(`${base}/upload`, {
      method: 'POST',
      headers: [['content-type', 'application/octet-stream']],
      body: Buffer.alloc(maxPayloadBytes + 1),
    });
    expect(response.status).toBe(413);
    expect(response.text).toBe('{"message":"Request Entity Too Large"}');
  });
});

describe('local gateway: the route table', () => {
  it('serves exactly the catalogue routes by default', () => {
    expect(servedRouteKeys().sort()).toEqual(routes.map(routeKey).sort());
  });
});
