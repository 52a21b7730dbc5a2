import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../../support/http';
import { startFixtureGateway } from './gateway-fixture';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function start(options: { now?: () => number; ttlSeconds?: number } = {}) {
  const fixture = startFixtureGateway(options);
  const base = await fixture.listen();
  close = () => fixture.gateway.close();
  const get = (token?: string, path = '/secure/42?x=1') =>
    rawRequest(`${base}${path}`, { headers: token === undefined ? [] : [['Authorization', token]] });
  return { ...fixture, get };
}

describe('local gateway: Lambda authorizer', () => {
  it('answers 401 without invoking the authorizer when the Authorization header is missing or empty', async () => {
    const { calls, get } = await start();
    for (const token of [undefined, '']) {
      const response = await get(token);
      expect(response.status).toBe(401);
      expect(response.text).toBe('{"message":"Unauthorized"}');
    }
    expect(calls.authorizer).toHaveLength(0);
    expect(calls.echo).toHaveLength(0);
  });

  it('never runs the authorizer for public routes', async () => {
    const { calls, get } = await start();
    await get('Bearer something', '/things/x/items');
    expect(calls.authorizer).toHaveLength(0);
    expect(calls.echo[0]?.event.requestContext).not.toHaveProperty('authorizer');
  });

  it('sends a REQUEST event v2 and hands its context to the handler', async () => {
    const { calls, get } = await start();
    const response = await get('Bearer good-token');
    expect(response.status).toBe(200);
    const event = calls.authorizer[0]?.event;
    expect(event).toMatchObject({
      version: '2.0',
      type: 'REQUEST',
      routeArn: expect.stringMatching(
        /^arn:aws:execute-api:us-east-1:\d{12}:\w+\/\$default\/GET\/secure\/42$/,
      ),
      identitySource: ['Bearer good-token'],
      routeKey: 'GET /secure/{id}',
      rawPath: '/secure/42',
      rawQueryString: 'x=1',
      headers: { authorization: 'Bearer good-token' },
      queryStringParameters: { x: '1' },
      pathParameters: { id: '42' },
      requestContext: { routeKey: 'GET /secure/{id}', stage: '$default', http: { method: 'GET' } },
    });
    expect(calls.authorizer[0]?.context.functionName).toBe('xinbao-authorizer');
    expect(calls.echo[0]?.event.requestContext).toMatchObject({
      authorizer: { lambda: { status: 'active', seen: 'Bearer good-token' } },
    });
  });

  it('answers 403 when the authorizer denies and 500 when it fails', async () => {
    const { calls, get } = await start();
    const denied = await get('Bearer deny');
    expect(denied.status).toBe(403);
    expect(denied.text).toBe('{"message":"Forbidden"}');
    const failed = await get('Bearer crash');
    expect(failed.status).toBe(500);
    expect(failed.text).toBe('{"message":"Internal Server Error"}');
    expect(calls.echo).toHaveLength(0);
  });

  it('caches results per identity for the TTL (fake clock)', async () => {
    let clock = Date.parse('2026-03-01T08:00:00Z');
    const { calls, get } = await start({ now: () => clock, ttlSeconds: 10 });

    await get('Bearer token-a');
    clock += 9_000;
    await get('Bearer token-a');
    expect(calls.authorizer).toHaveLength(1);

    await get('Bearer token-b');
    expect(calls.authorizer).toHaveLength(2);

    clock += 1_001;
    await get('Bearer token-a');
    expect(calls.authorizer).toHaveLength(3);
    // A cached denial is still a denial.
    await get('Bearer deny');
    const denied = await get('Bearer deny');
    expect(denied.status).toBe(403);
    expect(calls.authorizer).toHaveLength(4);
    expect(calls.echo).toHaveLength(4);
  });

  it('does not cache when the TTL is 0', async () => {
    const { calls, get } = await start({ ttlSeconds: 0 });
    await get('Bearer token-a');
    await get('Bearer token-a');
    expect(calls.authorizer).toHaveLength(2);
  });
});
