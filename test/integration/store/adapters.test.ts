/** The DynamoDB adapters against the real local store (dynalite behind our transaction front). */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDynamoClient } from '../../../infra/local/aws';
import { ensureTable } from '../../../infra/local/provision';
import type { ConflictError } from '../../../shared/errors';
import type { Unit } from '../../../shared/schemas/units';
import { documentClient, type TableRef } from '../../../shared/store/dynamo/client';
import { DynamoJobRunStore } from '../../../shared/store/dynamo/job-runs';
import { DynamoTokenStore } from '../../../shared/store/dynamo/tokens';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';

let table: TableRef;

const unit = (id: string, overrides: Partial<Unit> = {}): Unit => ({
  id,
  name: `${id} 单位`,
  class: 'county',
  contacts: [{ name: '张三', phone: '0536-1234567', email: 'zhang@example.gov.cn' }],
  active: true,
  createdAt: '2026-11-25T00:00:00.000Z',
  updatedAt: '2026-11-25T00:00:00.000Z',
  version: 1,
  ...overrides,
});

beforeAll(async () => {
  const client = localDynamoClient(inject('dynamodbEndpoint'));
  await ensureTable(client, 'adapters');
  table = { client: documentClient(client), tableName: 'adapters' };
});

afterAll(async () => {
  table?.client.destroy();
});

describe('DynamoUnitStore', () => {
  it('creates once, refuses a duplicate id, and lists every unit past one page', async () => {
    const store = new DynamoUnitStore(table);
    const big = 'x'.repeat(12_000);
    // ~120 units of ~12 KB each exceed DynamoDB's 1 MB query page, so listing must paginate.
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        store.create(unit(`unit-${String(i).padStart(3, '0')}`, { name: `单位${big}` })),
      ),
    );
    await expect(store.create(unit('unit-000'))).rejects.toMatchObject({ status: 409, code: 'UNIT_EXISTS' });
    const listed = await store.list();
    expect(listed).toHaveLength(120);
    expect((await store.get('unit-007'))?.contacts[0]?.name).toBe('张三');
    expect(await store.get('missing')).toBeUndefined();
  });

  it('replaces only at the expected version', async () => {
    const store = new DynamoUnitStore(table);
    await store.create(unit('versioned'));
    await store.replace(unit('versioned', { name: '改名后', version: 2 }), 1);
    const stale = await store
      .replace(unit('versioned', { name: '过期', version: 2 }), 1)
      .catch((e: ConflictError) => e);
    expect(stale).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    expect((await store.get('versioned'))?.name).toBe('改名后');
    await expect(store.replace(unit('never-created', { version: 2 }), 1)).rejects.toMatchObject({
      status: 409,
    });
  });
});

describe('DynamoTokenStore', () => {
  it('finds tokens by hash and by id, revokes once, and records use', async () => {
    const store = new DynamoTokenStore(table);
    const token = {
      tokenId: 'abcdefghijklmnop',
      hash: 'a'.repeat(64),
      role: 'reporter' as const,
      unitId: 'versioned',
      label: '信息员',
      createdAt: '2026-11-25T00:00:00.000Z',
      createdBy: 'cli',
    };
    await store.create(token);
    expect(await store.findByHash(token.hash)).toMatchObject({ tokenId: token.tokenId, unitId: 'versioned' });
    expect(await store.findById(token.tokenId)).toMatchObject({ hash: token.hash });
    await store.touch(token.hash, '2026-11-25T01:00:00.000Z');
    const first = await store.revoke(token.tokenId, '2026-11-25T02:00:00.000Z');
    const second = await store.revoke(token.tokenId, '2026-11-25T03:00:00.000Z');
    expect(first?.revokedAt).toBe('2026-11-25T02:00:00.000Z');
    expect(second?.revokedAt).toBe('2026-11-25T02:00:00.000Z');
    expect(second?.lastUsedAt).toBe('2026-11-25T01:00:00.000Z');
    expect(await store.revoke('zzzzzzzzzzzzzzzz', 'x')).toBeUndefined();
    await store.touch('b'.repeat(64), 'x');
    expect(await store.findByHash('b'.repeat(64))).toBeUndefined();
    expect((await store.list()).map((entry) => entry.tokenId)).toContain(token.tokenId);
  });
});

describe('DynamoJobRunStore', () => {
  it('records a run once per scheduled time and reports the latest', async () => {
    const store = new DynamoJobRunStore(table);
    expect(await store.record('heartbeat', '2026-11-25T00:00:00.000Z', '2026-11-25T00:00:01.000Z')).toBe(
      true,
    );
    expect(await store.record('heartbeat', '2026-11-25T00:00:00.000Z', '2026-11-25T00:00:09.000Z')).toBe(
      false,
    );
    expect(await store.record('heartbeat', '2026-11-25T00:15:00.000Z', '2026-11-25T00:15:02.000Z')).toBe(
      true,
    );
    expect(await store.lastRun('heartbeat')).toBe('2026-11-25T00:15:02.000Z');
    expect(await store.lastRun('never')).toBeUndefined();
  });
});
