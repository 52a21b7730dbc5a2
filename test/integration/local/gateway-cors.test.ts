import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCors } from '../../../shared/catalogue/cors';
import { startFixtureGateway } from './gateway-fixture';

const consoleOrigin = 'http://localhost:4006';
const fixture = startFixtureGateway({ corsOrigins: [consoleOrigin] });
let base = '';
beforeAll(async () => {
  base = await fixture.listen();
});
afterAll(() => fixture.gateway.close());

describe('local gateway: CORS for the web console, as API Gateway answers it', () => {
  it('answers a preflight from the console itself, without the authorizer or a function', async () => {
    const before = fixture.calls.authorizer.length + fixture.calls.echo.length;
    const response = await fetch(`${base}/secure/42`, {
      method: 'OPTIONS',
      headers: {
        origin: consoleOrigin,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(consoleOrigin);
    expect(response.headers.get('access-control-allow-methods')?.split(',')).toContain('PATCH');
    expect(response.headers.get('access-control-allow-headers')?.split(',')).toEqual(
      expect.arrayContaining(['authorization', 'idempotency-key']),
    );
    expect(response.headers.get('access-control-max-age')).toBe(String(apiCors.maxAgeSeconds));
    expect(fixture.calls.authorizer.length + fixture.calls.echo.length).toBe(before);
  });

  it('lets the console read an answer and the headers it needs', async () => {
    const response = await fetch(`${base}/secure/42`, {
      headers: { origin: consoleOrigin, authorization: 'Bearer ok' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(consoleOrigin);
    expect(response.headers.get('access-control-expose-headers')).toContain('content-disposition');
  });

  it('gives another origin nothing: no CORS headers, and a preflight is routed like any request', async () => {
    const answer = await fetch(`${base}/secure/42`, {
      headers: { origin: 'https://evil.example', authorization: 'Bearer ok' },
    });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${base}/secure/42`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(404);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});
