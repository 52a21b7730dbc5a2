import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorize } from '#functions/authorizer/authorize';
import { principalFrom } from '#shared/http/auth-context';
import type { Person } from '#shared/schemas/people';
import { UserPoolAccessTokens } from '#shared/store/cognito/access-tokens';
import { accessToken, signJwt, testPool } from '../../support/jwt';
import { MemoryPersonStore, MemoryTokenStore } from '../../support/memory-stores';

const pool = testPool();
const jwksUrl = 'http://localhost:9229/local_TestPool/.well-known/jwks.json';

function person(overrides: Partial<Person> = {}): Person {
  return {
    personId: randomUUID(),
    username: 'weicheng.lixm',
    name: '李晓梅',
    phone: '0536-8201234',
    email: 'lixm@example.org',
    role: 'reporter',
    unitId: 'weicheng',
    active: true,
    createdAt: '2026-11-25T08:00:00.000Z',
    createdBy: 'bootstrap',
    version: 1,
    ...overrides,
  };
}

async function setup(record: Person = person()) {
  const people = new MemoryPersonStore();
  await people.create(record);
  let fetches = 0;
  const accessTokens = new UserPoolAccessTokens(
    { issuer: pool.issuer, clientId: pool.clientId, jwksUrl },
    async (url) => {
      expect(url).toBe(jwksUrl);
      fetches += 1;
      return pool.jwks;
    },
  );
  const deps = { tokens: new MemoryTokenStore(), people, accessTokens, now: () => new Date() };
  return { deps, people, record, fetches: () => fetches };
}

const bearer = (jwt: string) => `Bearer ${jwt}`;

describe('the authorizer with user pool access tokens', () => {
  it('resolves a valid access token to the person, with role and unit from our record', async () => {
    const { deps, record } = await setup();
    // The token claims the admin group and another unit: our record decides, not the claims.
    const jwt = accessToken(pool, record.personId, {
      'cognito:groups': ['admin'],
      'custom:unit': 'elsewhere',
    });
    const context = await authorize(deps, bearer(jwt));
    expect(context).toEqual({
      status: 'active',
      role: 'reporter',
      unitId: 'weicheng',
      tokenId: `person:${record.personId}`,
      personId: record.personId,
      personName: '李晓梅',
    });
    expect(principalFrom(context)).toMatchObject({
      role: 'reporter',
      unitId: 'weicheng',
      personName: '李晓梅',
    });
  });

  it('preloads the pool keys from the configured JWKS URL once', async () => {
    const { deps, record, fetches } = await setup();
    for (let i = 0; i < 3; i++) await authorize(deps, bearer(accessToken(pool, record.personId)));
    expect(fetches()).toBe(1);
  });

  it('refuses a disabled person however fresh the token', async () => {
    const { deps, record } = await setup(person({ active: false }));
    const context = await authorize(deps, bearer(accessToken(pool, record.personId)));
    expect(context.status).toBe('inactive');
    expect(principalFrom(context)).toBeUndefined();
  });

  it('follows a move to another unit or role from the record', async () => {
    const { deps, people, record } = await setup();
    const jwt = accessToken(pool, record.personId);
    await people.replace({ ...record, role: 'unit-admin', unitId: 'kuiwen', version: 2 }, 1);
    expect(await authorize(deps, bearer(jwt))).toMatchObject({
      status: 'active',
      role: 'unit-admin',
      unitId: 'kuiwen',
    });
    await people.replace({ ...record, role: 'editor', unitId: undefined, version: 3 }, 2);
    const context = await authorize(deps, bearer(jwt));
    expect(context).toMatchObject({ status: 'active', role: 'editor' });
    expect(context).not.toHaveProperty('unitId');
  });

  it('refuses a token whose person has no record', async () => {
    const { deps } = await setup();
    expect(await authorize(deps, bearer(accessToken(pool, randomUUID())))).toEqual({ status: 'invalid' });
  });

  const later = () => Math.floor(Date.now() / 1000) + 600;
  const refusals: [string, (sub: string) => string, 'invalid' | 'expired', string][] = [
    [
      'a forged signature (another key, same kid)',
      (sub) =>
        accessToken(pool, sub, {}, { key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey }),
      'invalid',
      'JwtInvalidSignatureError',
    ],
    [
      'an expired token',
      (sub) => accessToken(pool, sub, { exp: Math.floor(Date.now() / 1000) - 60 }),
      'expired',
      'JwtExpiredError',
    ],
    [
      'a wrong issuer',
      (sub) => accessToken(pool, sub, { iss: 'http://localhost:9229/local_Other' }),
      'invalid',
      'JwtInvalidIssuerError',
    ],
    [
      'a wrong client',
      (sub) => accessToken(pool, sub, { client_id: 'another-client' }),
      'invalid',
      'CognitoJwtInvalidClientIdError',
    ],
    [
      'an ID token instead of an access token',
      (sub) => accessToken(pool, sub, { token_use: 'id', aud: pool.clientId, client_id: undefined }),
      'invalid',
      'CognitoJwtInvalidTokenUseError',
    ],
    ['alg: none', (sub) => accessToken(pool, sub, {}, { alg: 'none' }), 'invalid', 'JwtParseError'],
    [
      'alg: HS256 (a shared-secret algorithm)',
      (sub) => {
        const claims = { sub, iss: pool.issuer, client_id: pool.clientId, token_use: 'access', exp: later() };
        return `${signJwt({ alg: 'HS256', kid: pool.kid, typ: 'JWT' }, claims, undefined)}c2lnbmF0dXJl`;
      },
      'invalid',
      'JwtInvalidSignatureAlgorithmError',
    ],
    [
      'a token whose claims were changed after signing',
      (sub) => {
        const [header, , signature] = accessToken(pool, randomUUID()).split('.');
        const claims = { sub, iss: pool.issuer, client_id: pool.clientId, token_use: 'access', exp: later() };
        return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
      },
      'invalid',
      'JwtInvalidSignatureError',
    ],
  ];

  it.each(refusals)('refuses %s', async (_name, make, status, why) => {
    const { deps, record } = await setup();
    const jwt = make(record.personId);
    const context = await authorize(deps, bearer(jwt));
    expect(context).toEqual({ status });
    expect(principalFrom(context)).toBeUndefined();
    // Refused for the reason under test, not for some other defect of the made-up token.
    expect(await deps.accessTokens.verify(jwt)).toMatchObject({ ok: false, detail: why });
  });

  it('refuses access tokens when no user pool is configured, and keeps xb_ tokens working', async () => {
    const { record } = await setup();
    const deps = { tokens: new MemoryTokenStore(), now: () => new Date() };
    expect(await authorize(deps, bearer(accessToken(pool, record.personId)))).toEqual({ status: 'invalid' });
  });
});
