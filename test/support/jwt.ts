/**
 * Made-up user pool tokens for the authorizer's tests, signed with node:crypto (no JWT library):
 * a key pair standing in for the pool's, and helpers to mint good and bad tokens.
 */
import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';

export interface TestPool {
  issuer: string;
  clientId: string;
  kid: string;
  privateKey: KeyObject;
  jwks: { keys: Record<string, unknown>[] };
}

export function testPool(
  issuer = 'http://localhost:9229/local_TestPool',
  clientId = 'console-client',
): TestPool {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-key';
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  return { issuer, clientId, kid, privateKey, jwks: { keys: [jwk] } };
}

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  key: KeyObject | undefined,
): string {
  const input = `${part(header)}.${part(payload)}`;
  if (!key) return `${input}.`;
  const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return `${input}.${signature}`;
}

/** An access token as the pool issues it, with `overrides` applied to the claims. */
export function accessToken(
  pool: TestPool,
  sub: string,
  overrides: Record<string, unknown> = {},
  options: { key?: KeyObject; alg?: string } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    sub,
    iss: pool.issuer,
    client_id: pool.clientId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: now,
    iat: now,
    exp: now + 3600,
    jti: randomUUID(),
    username: 'someone',
    ...overrides,
  };
  const alg = options.alg ?? 'RS256';
  return signJwt(
    { alg, kid: pool.kid, typ: 'JWT' },
    payload,
    alg === 'none' ? undefined : (options.key ?? pool.privateKey),
  );
}
