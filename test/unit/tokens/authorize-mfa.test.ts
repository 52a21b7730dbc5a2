/**
 * The cloud's MFA rule: admin and editor accounts (REQUIRE_MFA_ROLES) are refused until the user
 * pool lists TOTP activated for the person; other roles, and everyone where no role is listed
 * (locally), never wait on the pool.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorize } from '#functions/authorizer/authorize';
import { mfaRequiredRoles } from '#shared/catalogue/user-pool';
import { parseRoleList } from '#shared/domain/roles';
import { principalFrom } from '#shared/http/auth-context';
import type { Person } from '#shared/schemas/people';
import { UserPoolAccessTokens } from '#shared/store/cognito/access-tokens';
import type { MfaStatus } from '#shared/store/ports';
import { loadHandler } from '../../support/handlers';
import { httpEvent, invoke } from '../../support/http-events';
import { accessToken, testPool } from '../../support/jwt';
import { MemoryPersonStore, MemoryTokenStore } from '../../support/memory-stores';

const pool = testPool();

function person(overrides: Partial<Person>): Person {
  return {
    personId: randomUUID(),
    username: 'xinxike.zhangw',
    name: '张伟',
    phone: '0536-8201111',
    email: 'zhangw@example.org',
    role: 'editor',
    active: true,
    createdAt: '2026-11-25T08:00:00.000Z',
    createdBy: 'bootstrap',
    version: 1,
    ...overrides,
  };
}

/** The pool's view of who has TOTP activated, counting look-ups. */
class PoolMfa implements MfaStatus {
  readonly lookups: string[] = [];
  constructor(private readonly withTotp: Set<string>) {}
  async hasTotp(username: string) {
    this.lookups.push(username);
    return this.withTotp.has(username);
  }
}

async function setup(record: Person, options: { totp?: string[]; roles?: string; mfa?: boolean } = {}) {
  const people = new MemoryPersonStore();
  await people.create(record);
  const mfa = new PoolMfa(new Set(options.totp ?? []));
  const deps = {
    tokens: new MemoryTokenStore(),
    people,
    accessTokens: new UserPoolAccessTokens(
      { issuer: pool.issuer, clientId: pool.clientId, jwksUrl: 'http://localhost:9229/jwks.json' },
      async () => pool.jwks,
    ),
    requireMfaRoles: parseRoleList(options.roles ?? mfaRequiredRoles.join(',')),
    ...(options.mfa === false ? {} : { mfa }),
    now: () => new Date(),
  };
  const call = () => authorize(deps, `Bearer ${accessToken(pool, record.personId)}`);
  return { call, mfa };
}

describe('TOTP for admin and editor accounts', () => {
  it.each(['admin', 'editor'] as const)(
    'refuses %s until TOTP is activated, then lets them in',
    async (role) => {
      const record = person({ role, username: `${role}.wang` });
      const without = await setup(record);
      const refused = await without.call();
      expect(refused).toEqual({
        status: 'mfa-required',
        tokenId: `person:${record.personId}`,
        personId: record.personId,
      });
      expect(principalFrom(refused)).toBeUndefined();
      expect(without.mfa.lookups).toEqual([`${role}.wang`]);

      const bound = await setup(record, { totp: [`${role}.wang`] });
      expect(await bound.call()).toMatchObject({ status: 'active', role, personId: record.personId });
    },
  );

  it('never asks the pool about leaders, reporters or unit-admins', async () => {
    for (const record of [
      person({ role: 'leader' }),
      person({ role: 'reporter', unitId: 'weicheng' }),
      person({ role: 'unit-admin', unitId: 'weicheng' }),
    ]) {
      const { call, mfa } = await setup(record);
      expect((await call()).status).toBe('active');
      expect(mfa.lookups).toEqual([]);
    }
  });

  it('says "disabled" to a disabled editor, without asking the pool', async () => {
    const { call, mfa } = await setup(person({ active: false }));
    expect((await call()).status).toBe('inactive');
    expect(mfa.lookups).toEqual([]);
  });

  it('fails closed when the rule is configured but nothing can tell whether TOTP is bound', async () => {
    const { call } = await setup(person({ role: 'admin' }), { mfa: false });
    expect((await call()).status).toBe('mfa-required');
  });

  it('asks nothing of the pool where no role is listed (the local runtime)', async () => {
    const { call, mfa } = await setup(person({ role: 'admin' }), { roles: '' });
    expect((await call()).status).toBe('active');
    expect(mfa.lookups).toEqual([]);
  });

  it('answers 403 MFA_REQUIRED in Chinese on every route', async () => {
    const handler = await loadHandler('tokens');
    const reply = await invoke(
      handler,
      httpEvent({ method: 'GET', path: '/me', auth: { status: 'mfa-required' } }),
    );
    expect(reply.status).toBe(403);
    expect(reply.body.error?.code).toBe('MFA_REQUIRED');
    expect(reply.body.error?.message).toBe('管理员和编辑账号须先绑定动态口令（TOTP）');
  });
});

describe('REQUIRE_MFA_ROLES', () => {
  it('reads a comma-separated role list, empty when unset', () => {
    expect(parseRoleList('admin, editor')).toEqual(['admin', 'editor']);
    expect(parseRoleList('')).toEqual([]);
    expect(parseRoleList(undefined)).toEqual([]);
  });

  it('refuses a misspelt role rather than protect no one', () => {
    expect(() => parseRoleList('admin,editer')).toThrow(/unknown role "editer"/);
  });
});
