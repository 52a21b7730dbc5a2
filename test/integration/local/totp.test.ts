/**
 * TOTP (动态口令) for editors, end to end against cognito-local and the local stack started with
 * REQUIRE_MFA_ROLES=editor — the variable the cloud stack sets (admin,editor), read by the very
 * same authorizer. The console's own Cognito client does every pool call, as the browser would:
 * a fresh editor is refused with MFA_REQUIRED, binds TOTP with a code computed here (RFC 6238),
 * is let in, and from then on signs in with password and code. (cognito-local does not refresh
 * tokens of a sign-in that went through a challenge, so the console's refresh after binding is
 * covered by the component tests; here the person signs in again, the console's fallback.)
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoClient, SignInError, type SignInResult } from '../../../console/src/auth/cognito';
import { apiClient, type Reply } from '../../support/api';
import { startStackForTest, type TestStack } from '../../support/local-stack';
import { freshTotpCode, totpCode } from '../../support/totp';

let stack: TestStack;
let pool: CognitoClient;
const call = apiClient(() => stack.urls.api);
const previous = process.env.REQUIRE_MFA_ROLES;

beforeAll(async () => {
  process.env.REQUIRE_MFA_ROLES = 'editor';
  try {
    stack = await startStackForTest({ timeoutMs: 90_000 });
  } finally {
    if (previous === undefined) delete process.env.REQUIRE_MFA_ROLES;
    else process.env.REQUIRE_MFA_ROLES = previous;
  }
  pool = new CognitoClient(stack.env.COGNITO_ENDPOINT ?? '', stack.env.USER_POOL_CLIENT_ID ?? '');
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

function tokensOf(result: SignInResult) {
  if (result.kind !== 'signed-in') throw new Error(`expected tokens, got ${result.kind}`);
  return result.tokens;
}

/** Polls until `holds` (the gateway caches the authorizer's answer per token for up to 10 s). */
async function eventually(what: () => Promise<Reply>, holds: (reply: Reply) => boolean): Promise<Reply> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const reply = await what();
    if (holds(reply) || Date.now() > deadline) return reply;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('TOTP for an editor (cognito-local, REQUIRE_MFA_ROLES=editor)', () => {
  it('refuses a fresh editor until TOTP is bound, then asks for the code at every sign-in', async () => {
    const admin = tokensOf(
      await pool.signIn(stack.accounts.ADMIN_USERNAME ?? '', stack.accounts.ADMIN_PASSWORD ?? ''),
    );
    const username = `editor.${randomUUID().slice(0, 6)}`;
    const created = await call('POST', '/people', {
      token: admin.accessToken,
      json: { username, name: '周文静', email: `${username}@example.gov.cn`, role: 'editor' },
    });
    expect(created.status).toBe(201);

    // First sign-in: the temporary password, then one of the person's own.
    const password = `Xb-${randomUUID().slice(0, 8)}-Zz9`;
    const first = await pool.signIn(username, String(created.body.temporaryPassword));
    expect(first.kind).toBe('new-password-required');
    if (first.kind !== 'new-password-required') return;
    const signedIn = tokensOf(await pool.setNewPassword(first.session, username, password));

    const refused = await call('GET', '/me', { token: signedIn.accessToken });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual(
      expect.objectContaining({ code: 'MFA_REQUIRED', message: '管理员和编辑账号须先绑定动态口令（TOTP）' }),
    );

    // Binding: a secret, a wrong first code refused, the right one accepted.
    const secret = await pool.associateTotp(signedIn.accessToken);
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const wrong = String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    const refusal = await pool
      .verifyTotp(signedIn.accessToken, wrong, '信报验证器')
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SignInError);
    expect((refusal as SignInError).message).toMatch(/^动态口令不正确/);
    await pool.verifyTotp(signedIn.accessToken, await freshTotpCode(secret), '信报验证器');

    // The same token is let in once the gateway's cached answer (≤ 10 s) has lapsed: the
    // authorizer reads the pool's MFA settings at each uncached call.
    const me = await eventually(
      () => call('GET', '/me', { token: signedIn.accessToken }),
      (reply) => reply.status === 200,
    );
    expect(me.status).toBe(200);
    expect(me.body.person).toMatchObject({ name: '周文静', role: 'editor' });

    // From now on the password alone is not enough: the pool asks for the code.
    const next = await pool.signIn(username, password);
    expect(next.kind).toBe('totp-required');
    if (next.kind !== 'totp-required') return;
    await expect(pool.answerTotp(next.session, username, wrong)).rejects.toThrow(
      '动态口令不正确，请输入验证器当前显示的 6 位数字',
    );
    const again = await pool.signIn(username, password);
    if (again.kind !== 'totp-required') throw new Error(`expected the code challenge, got ${again.kind}`);
    const withCode = tokensOf(await pool.answerTotp(again.session, username, await freshTotpCode(secret)));
    const meAgain = await call('GET', '/me', { token: withCode.accessToken });
    expect(meAgain.status).toBe(200);
  });

  it('leaves roles that need no TOTP alone (the demo 信息员 signs in with a password)', async () => {
    const reporter = tokensOf(
      await pool.signIn(stack.accounts.REPORTER_USERNAME ?? '', stack.accounts.REPORTER_PASSWORD ?? ''),
    );
    expect((await call('GET', '/me', { token: reporter.accessToken })).status).toBe(200);
  });
});
