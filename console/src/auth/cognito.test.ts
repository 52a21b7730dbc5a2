import { describe, expect, it } from 'vitest';
import { CognitoClient, SignInError } from './cognito';

interface Call {
  url: string;
  target: string | null;
  body: Record<string, unknown>;
}

function pool(answers: { status: number; body: unknown }[]) {
  const calls: Call[] = [];
  const fetcher: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    calls.push({
      url: String(input),
      target: headers.get('x-amz-target'),
      body: JSON.parse(String(init?.body)),
    });
    const answer = answers.shift() ?? { status: 500, body: {} };
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  };
  return { calls, client: new CognitoClient('http://localhost:4005/', 'client-1', fetcher, () => 1_000_000) };
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

  it('tells a person on a broken link to check the network', async () => {
    const client = new CognitoClient('http://localhost:1', 'c', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(client.signIn('a', 'b')).rejects.toThrow('无法连接登录服务，请检查网络后重试');
  });
});
