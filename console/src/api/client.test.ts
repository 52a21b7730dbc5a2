import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client';

/** The API answers these, in order. */
function answering(...answers: { status: number; body: unknown }[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      const answer = answers.shift() ?? { status: 500, body: {} };
      return new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the API client', () => {
  it('sends an admin or editor without TOTP to bind it when the API answers 403 MFA_REQUIRED', async () => {
    answering({
      status: 403,
      body: { error: { code: 'MFA_REQUIRED', message: '管理员和编辑账号须先绑定动态口令（TOTP）' } },
    });
    const onMfaRequired = vi.fn();
    const onSignedOut = vi.fn();
    const api = createApiClient('http://api.test', {
      accessToken: async () => 'a',
      onSignedOut,
      onMfaRequired,
    });
    const { error } = await api.GET('/me');
    expect(error).toMatchObject({ error: { code: 'MFA_REQUIRED' } });
    expect(onMfaRequired).toHaveBeenCalledWith('管理员和编辑账号须先绑定动态口令（TOTP）');
    expect(onSignedOut).not.toHaveBeenCalled();
  });

  it('leaves any other refusal to the page, and ends the session on 401 with the API’s reason', async () => {
    answering(
      { status: 403, body: { error: { code: 'ROLE_NOT_ALLOWED', message: '当前角色无权执行此操作' } } },
      {
        status: 401,
        body: { error: { code: 'ACCOUNT_DISABLED', message: '账号已停用，请联系单位管理员或系统管理员' } },
      },
    );
    const onMfaRequired = vi.fn();
    const onSignedOut = vi.fn();
    const api = createApiClient('http://api.test', {
      accessToken: async () => 'a',
      onSignedOut,
      onMfaRequired,
    });
    await api.GET('/me');
    expect(onMfaRequired).not.toHaveBeenCalled();
    expect(onSignedOut).not.toHaveBeenCalled();
    await api.GET('/me');
    expect(onSignedOut).toHaveBeenCalledWith('账号已停用，请联系单位管理员或系统管理员');
  });
});
