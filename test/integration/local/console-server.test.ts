import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsoleServer,
  ensureConsoleBuilt,
  startConsoleServer,
} from '../../../infra/local/services/console';

let server: ConsoleServer;
const config = {
  apiUrl: 'http://localhost:4000',
  cognitoEndpoint: 'http://127.0.0.1:4005',
  userPoolClientId: 'client-1',
  idleMinutes: 30,
};

beforeAll(async () => {
  await ensureConsoleBuilt();
  server = await startConsoleServer({ port: 0, host: '127.0.0.1', config: () => config });
}, 180_000);
afterAll(() => server?.close());

describe('the console server of npm start', () => {
  it('answers /config.json with this stack’s addresses, never cached', async () => {
    const response = await fetch(`${server.url}/config.json`);
    expect(await response.json()).toEqual(config);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves the app for any page path, with a CSP that allows no inline script', async () => {
    const response = await fetch(`${server.url}/my-items/it_123`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="app">');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain(`connect-src 'self' ${config.apiUrl} ${config.cognitoEndpoint}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends assets gzip-compressed, as CloudFront does, and cached for good (hashed names)', async () => {
    const page = await (await fetch(server.url)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    const plain = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await plain.arrayBuffer());
    // fetch would decompress on its own: ask with node's raw bytes instead.
    const raw = await import('node:http').then(
      ({ get }) =>
        new Promise<{ headers: Record<string, unknown>; bytes: Buffer }>((resolve, reject) => {
          get(`${server.url}${script}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
          }).on('error', reject);
        }),
    );
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(raw.bytes.length).toBeLessThan(body.length / 2);
    expect(gunzipSync(raw.bytes).equals(body)).toBe(true);
    expect(plain.headers.get('cache-control')).toContain('immutable');
  });

  it('refuses a missing asset and anything outside the build', async () => {
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/.source-hash`)).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });
});
