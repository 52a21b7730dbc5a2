import { afterEach, describe, expect, it, vi } from 'vitest';
import { CognitoClient, SignInError } from './cognito';
import { stubNetworkDown, stubPool } from './pool-stub';

afterEach(() => {
  vi.unstubAllGlobals();
});

function pool(answers: { status: number; body: unknown }[]) {
  return {
    calls: stubPool(answers),
    client: new CognitoClient('http://localhost:4005/', 'client-1', () => 1_000_000),
  };
}

const result = { AccessToken: 'a', IdToken: 'i', RefreshToken: 'r', ExpiresIn: 3600 };

describe('the console signing in to the user pool', () => {
  it('signs in with USER_PASSWORD_AUTH and keeps when the access token expires', async () => {
    const { calls, client } = pool([{ status: 200, body: { AuthenticationResult: result } }]);
    const signedIn = await client.signIn('zhangsan', 'Secret-Passw0rd!');
    expect(signedIn).toEqual({
      kind: 'signed-in',
      tokens: { accessToken: 'a', idToken: 'i', refreshToken: 'r', expiresAt: 1_000_000 + 3_600_000 },
    });
    expect(calls[0]).toEqual({
      url: 'http://localhost:4005/',
      target: 'AWSCognitoIdentityProviderService.InitiateAuth',
      body: {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: 'client-1',
        AuthParameters: { USERNAME: 'zhangsan', PASSWORD: 'Secret-Passw0rd!' },
      },
    });
  });

  it('asks for a new password on the first sign-in and answers the challenge with it', async () => {
    const { calls, client } = pool([
      {
        status: 200,
        body: { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's-1', ChallengeParameters: {} },
      },
      { status: 200, body: { AuthenticationResult: result } },
    ]);
    const first = await client.signIn('lisi', 'Temp-1234');
    expect(first).toEqual({ kind: 'new-password-required', session: 's-1', username: 'lisi' });
    const second = await client.setNewPassword('s-1', 'lisi', 'My-New-Passw0rd!');
    expect(second.kind).toBe('signed-in');
    expect(calls[1]?.target).toBe('AWSCognitoIdentityProviderService.RespondToAuthChallenge');
    expect(calls[1]?.body).toMatchObject({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: 's-1',
      ChallengeResponses: { USERNAME: 'lisi', NEW_PASSWORD: 'My-New-Passw0rd!' },
    });
  });

  it('says in Chinese why a sign-in was refused, without telling whether the user exists', async () => {
    const { client } = pool([
      { status: 400, body: { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' } },
      {
        status: 400,
        body: { __type: 'com.amazonaws#UserNotFoundException', message: 'User does not exist.' },
      },
    ]);
    const wrongPassword = await client.signIn('zhangsan', 'wrong').catch((error: unknown) => error);
    const unknownUser = await client.signIn('nobody', 'wrong').catch((error: unknown) => error);
    expect(wrongPassword).toBeInstanceOf(SignInError);
    expect((wrongPassword as SignInError).message).toBe('用户名或密码不正确，或账号已停用');
    expect((unknownUser as SignInError).message).toBe((wrongPassword as SignInError).message);
  });

  it('refreshes with the refresh token and keeps it (Cognito does not send a new one)', async () => {
    const { calls, client } = pool([
      { status: 200, body: { AuthenticationResult: { AccessToken: 'a2', IdToken: 'i2', ExpiresIn: 600 } } },
    ]);
    const tokens = await client.refresh('r');
    expect(tokens).toEqual({
      accessToken: 'a2',
      idToken: 'i2',
      refreshToken: 'r',
      expiresAt: 1_000_000 + 600_000,
    });
    expect(calls[0]?.body).toMatchObject({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: 'r' },
    });
  });

  it('takes the expiry from the token itself when the pool sends no ExpiresIn (cognito-local)', async () => {
    const claims = btoa(JSON.stringify({ exp: 2_000_000, token_use: 'access' })).replace(/=+$/, '');
    const { client } = pool([
      {
        status: 200,
        body: { AuthenticationResult: { AccessToken: `h.${claims}.s`, IdToken: 'i', RefreshToken: 'r' } },
      },
    ]);
    const signedIn = await client.signIn('zhangsan', 'Secret-Passw0rd!');
    expect(signedIn.kind === 'signed-in' && signedIn.tokens.expiresAt).toBe(2_000_000_000);
  });

  it('tells a person on a broken link to check the network', async () => {
    stubNetworkDown();
    const client = new CognitoClient('http://localhost:1', 'c');
    await expect(client.signIn('a', 'b')).rejects.toThrow('无法连接登录服务，请检查网络后重试');
  });
});

describe('TOTP (动态口令) with the user pool', () => {
  it('asks a person who bound TOTP for the code and answers SOFTWARE_TOKEN_MFA with it', async () => {
    const { calls, client } = pool([
      { status: 200, body: { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's-2', ChallengeParameters: {} } },
      { status: 200, body: { AuthenticationResult: result } },
    ]);
    const first = await client.signIn('wang.editor', 'Secret-Passw0rd!');
    expect(first).toEqual({ kind: 'totp-required', session: 's-2', username: 'wang.editor' });
    const second = await client.answerTotp('s-2', 'wang.editor', '123456');
    expect(second.kind).toBe('signed-in');
    expect(calls[1]).toMatchObject({
      target: 'AWSCognitoIdentityProviderService.RespondToAuthChallenge',
      body: {
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        ClientId: 'client-1',
        Session: 's-2',
        ChallengeResponses: { USERNAME: 'wang.editor', SOFTWARE_TOKEN_MFA_CODE: '123456' },
      },
    });
  });

  it('says the code was wrong, or that the 3-minute challenge expired, in Chinese', async () => {
    const { client } = pool([
      { status: 400, body: { __type: 'CodeMismatchException' } },
      { status: 400, body: { __type: 'NotAuthorizedException', message: 'Invalid session for the user.' } },
    ]);
    await expect(client.answerTotp('s', 'u', '000000')).rejects.toThrow(
      '动态口令不正确，请输入验证器当前显示的 6 位数字',
    );
    await expect(client.answerTotp('s', 'u', '000000')).rejects.toThrow('登录已超时，请重新输入用户名和密码');
  });

  it('binds TOTP with the access token: a secret, the first code, then TOTP preferred', async () => {
    const { calls, client } = pool([
      { status: 200, body: { SecretCode: 'JBSWY3DPEHPK3PXP' } },
      { status: 200, body: { Status: 'SUCCESS' } },
      { status: 200, body: {} },
    ]);
    expect(await client.associateTotp('access-1')).toBe('JBSWY3DPEHPK3PXP');
    await client.verifyTotp('access-1', '654321', '信报验证器');
    expect(calls.map((call) => call.target)).toEqual([
      'AWSCognitoIdentityProviderService.AssociateSoftwareToken',
      'AWSCognitoIdentityProviderService.VerifySoftwareToken',
      'AWSCognitoIdentityProviderService.SetUserMFAPreference',
    ]);
    expect(calls[0]?.body).toEqual({ AccessToken: 'access-1' });
    expect(calls[1]?.body).toEqual({
      AccessToken: 'access-1',
      UserCode: '654321',
      FriendlyDeviceName: '信报验证器',
    });
    expect(calls[2]?.body).toEqual({
      AccessToken: 'access-1',
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
  });

  it('does not switch TOTP on when the first code is wrong, and says why', async () => {
    for (const refusal of ['EnableSoftwareTokenMFAException', 'CodeMismatchException']) {
      const { calls, client } = pool([{ status: 400, body: { __type: refusal } }]);
      await expect(client.verifyTotp('access-1', '000000', 'x')).rejects.toThrow(/^动态口令不正确/);
      expect(calls).toHaveLength(1);
    }
  });
});
