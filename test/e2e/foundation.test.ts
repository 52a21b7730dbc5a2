import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizerCacheTtlSeconds } from '#shared/catalogue/routes';
import { stackNodeFlags } from '../../infra/local/node-flags';
import { apiClient } from '../support/api';
import { startStackForTest } from '../support/local-stack';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

type Stack = Awaited<ReturnType<typeof startStackForTest>>;
let stack: Stack;

const call = apiClient(() => stack.urls.api);

beforeAll(async () => {
  stack = await startStackForTest();
});

afterAll(async () => {
  await stack?.stop();
});

describe('the local stack as a user meets it', () => {
  it('answers /health and serves the OpenAPI document without a token', async () => {
    const health = await call('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', checks: { table: 'ok' } });
    const openapi = await call('GET', '/openapi.json');
    expect(openapi.body.openapi).toBe('3.1.0');
  });

  it('runs with the heap flags npm start gives it (a bounded V8 heap)', () => {
    const args = readFileSync(`/proc/${stack.pid}/cmdline`, 'utf8').split('\0');
    expect(args).toEqual(expect.arrayContaining([...stackNodeFlags]));
  });

  it('has the demo city loaded: about 96 units in two classes', async () => {
    const list = await call('GET', '/units', { token: stack.tokens.ADMIN_TOKEN });
    expect(list.status).toBe(200);
    const units = list.body.units as { class: string; name: string }[];
    expect(units.length).toBeGreaterThanOrEqual(90);
    expect(units.length).toBeLessThanOrEqual(110);
    expect(new Set(units.map((unit) => unit.class))).toEqual(new Set(['county', 'department']));
    expect(units.every((unit) => /[\u4e00-\u9fff]/.test(unit.name))).toBe(true);
  });

  it('refuses missing, invalid and wrongly-roled callers', async () => {
    const missing = await call('GET', '/units');
    expect(missing.status).toBe(401);
    const invalid = await call('GET', '/units', { token: 'xb_not-a-real-token-at-all' });
    expect(invalid.status).toBe(401);
    expect(invalid.body.error?.code).toBe('TOKEN_INVALID');
    const reporter = await call('GET', '/units', { token: stack.tokens.REPORTER_TOKEN });
    expect(reporter.status).toBe(403);
    expect(reporter.body.error?.message).toMatch(/[\u4e00-\u9fff]/);
    const foreign = await call('GET', '/units/no-such-or-foreign', { token: stack.tokens.REPORTER_TOKEN });
    expect(foreign.status).toBe(404);
    const own = await call('GET', `/units/${stack.tokens.REPORTER_UNIT}`, {
      token: stack.tokens.REPORTER_TOKEN,
    });
    expect(own.status).toBe(200);
  });

  it('creates, reads, updates with a version and deactivates a unit', async () => {
    const admin = stack.tokens.ADMIN_TOKEN;
    const created = await call('POST', '/units', {
      token: admin,
      json: { id: 'e2e-bureau', name: '市测试局', class: 'department' },
    });
    expect(created.status).toBe(201);
    const duplicate = await call('POST', '/units', {
      token: admin,
      json: { id: 'e2e-bureau', name: '市测试局', class: 'department' },
    });
    expect(duplicate.status).toBe(409);
    const updated = await call('PATCH', '/units/e2e-bureau', {
      token: admin,
      json: { version: 1, name: '市测试管理局', headEmail: 'head@example.gov.cn' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: '市测试管理局',
      version: 2,
      headEmail: 'head@example.gov.cn',
    });
    const stale = await call('PATCH', '/units/e2e-bureau', {
      token: admin,
      json: { version: 1, name: '旧名称' },
    });
    expect(stale.status).toBe(409);
    const deactivated = await call('POST', '/units/e2e-bureau/deactivate', {
      token: admin,
      json: { version: 2 },
    });
    expect(deactivated.body).toMatchObject({ active: false, version: 3 });
    const fetched = await call('GET', '/units/e2e-bureau', { token: stack.tokens.EDITOR_TOKEN });
    expect(fetched.body).toMatchObject({ name: '市测试管理局', active: false });
  });

  it('refuses bad input with a stable code and writes nothing', async () => {
    const admin = stack.tokens.ADMIN_TOKEN;
    const before = (await call('GET', '/units', { token: admin })).body.count;
    const cases: [string, Parameters<typeof call>[2], number, string][] = [
      ['/units', { token: admin, text: '{"id":', contentType: 'application/json' }, 400, 'MALFORMED_JSON'],
      ['/units', { token: admin, text: '{}', contentType: 'text/plain' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [
        '/units',
        { token: admin, json: { id: 'ok-id', name: 'x'.repeat(70_000), class: 'county' } },
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        '/units',
        { token: admin, json: { id: 'ok-id', name: '某局', class: 'county', active: false } },
        400,
        'VALIDATION_FAILED',
      ],
      ['/units', { token: admin, json: { id: 'ok-id', name: 7, class: 'county' } }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [path, options, status, code] of cases) {
      const reply = await call('POST', path, options);
      expect(reply.status, code).toBe(status);
      expect(reply.body.error?.code).toBe(code);
    }
    const badId = await call('GET', `/units/${'a'.repeat(500)}`, { token: admin });
    expect(badId.status).toBe(400);
    const dotted = await call('GET', '/units/..%2F..%2Fetc', { token: admin });
    expect([400, 404]).toContain(dotted.status);
    const after = (await call('GET', '/units', { token: admin })).body.count;
    expect(after).toBe(before);
  });

  it('imports good CSV rows and reports the broken ones by line', async () => {
    const csv =
      '编号,名称,类别\ne2e-zone,测试新区管委会,县市区\nBroken Id,坏行,county\ne2e-office,市测试办公室,市直部门\n';
    const reply = await call('POST', '/units/import', { token: stack.tokens.ADMIN_TOKEN, text: csv });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ imported: 2, rejected: [{ line: 3 }] });
  });

  it('stops honouring a token revoked mid-way', async () => {
    const admin = stack.tokens.ADMIN_TOKEN;
    const issued = await call('POST', '/tokens', {
      token: admin,
      json: { role: 'editor', label: '临时编辑' },
    });
    expect(issued.status).toBe(201);
    const token = String(issued.body.token);
    expect((await call('GET', '/me', { token })).status).toBe(200);
    const revoked = await call('POST', `/tokens/${String(issued.body.tokenId)}/revoke`, { token: admin });
    expect(revoked.status).toBe(200);
    const deadline = Date.now() + (authorizerCacheTtlSeconds + 3) * 1000;
    let status = 200;
    while (Date.now() < deadline) {
      status = (await call('GET', '/me', { token })).status;
      if (status === 401) break;
      await new Promise((resolveWait) => setTimeout(resolveWait, 500));
    }
    expect(status).toBe(401);
    const listed = await call('GET', '/tokens?includeRevoked=true', { token: admin });
    const summary = (
      listed.body.tokens as { tokenId: string; revokedAt?: string; lastUsedAt?: string }[]
    ).find((entry) => entry.tokenId === issued.body.tokenId);
    expect(summary?.revokedAt).toBeDefined();
    expect(summary?.lastUsedAt).toBeDefined();
    expect(JSON.stringify(listed.body)).not.toContain(token);
  });

  it('lets the admin CLI import a CSV into the running stack with a per-line report', async () => {
    const file = join(stack.dataDir, 'units.csv');
    writeFileSync(file, 'id,name,class\ncli-one,命令行导入局,department\ncli-two,命令行导入县,nowhere\n');
    const result = await run(
      'npx',
      ['tsx', 'infra/cli/main.ts', 'units', 'import', file, '--data', stack.dataDir],
      {
        cwd: root,
      },
    ).catch((error: { stdout: string; stderr: string; code: number }) => error);
    expect(result.stdout).toContain('导入成功 1 行，拒绝 1 行');
    expect(result.stdout).toContain('第 3 行');
    const fetched = await call('GET', '/units/cli-one', { token: stack.tokens.ADMIN_TOKEN });
    expect(fetched.body).toMatchObject({ name: '命令行导入局' });
  });
});
