/**
 * The user-pool calls the console makes, through the AWS SDK's Cognito client (unsigned calls a
 * browser may make; the same against cognito-local): sign-in with its challenges (first password,
 * TOTP code), refresh, sign-out, and binding TOTP with the person's own access token.
 */
import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';

export interface Tokens {
  accessToken: string;
  idToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
}

export type SignInResult =
  | { kind: 'signed-in'; tokens: Tokens }
  | { kind: 'new-password-required'; session: string; username: string }
  /** The person has bound TOTP (动态口令): the pool asks for the 6-digit code. */
  | { kind: 'totp-required'; session: string; username: string };

/** A refusal from the user pool, with a message a person can act on. */
export class SignInError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

const messages: Record<string, string> = {
  NotAuthorizedException: '用户名或密码不正确，或账号已停用',
  UserNotFoundException: '用户名或密码不正确，或账号已停用',
  PasswordResetRequiredException: '管理员已重置您的密码，请使用新发给您的临时密码登录',
  UserNotConfirmedException: '账号尚未启用，请联系管理员',
  InvalidPasswordException: '新密码不符合要求：至少 12 位，须含大写字母、小写字母、数字和符号',
  InvalidParameterException: '填写的内容不符合要求，请检查后重试',
  TooManyRequestsException: '尝试次数过多，请稍后再试',
  LimitExceededException: '尝试次数过多，请稍后再试',
  CodeMismatchException: '验证码不正确',
  ExpiredCodeException: '验证码已过期，请重新获取',
  // Cognito's answer to a wrong first code when binding TOTP.
  EnableSoftwareTokenMFAException: '动态口令不正确，请核对手机时间是否准确后，输入验证器当前显示的 6 位数字',
  SoftwareTokenMFANotFoundException: '尚未生成动态口令密钥，请刷新页面重新开始绑定',
};

/** Refusals of a TOTP code: the code, not the password, was wrong. */
const totpMessages: Record<string, string> = {
  CodeMismatchException: '动态口令不正确，请输入验证器当前显示的 6 位数字',
  // The challenge's session lasts 3 minutes.
  NotAuthorizedException: '登录已超时，请重新输入用户名和密码',
};

export function refusalMessage(code: string): string {
  return messages[code] ?? '登录服务暂时不可用，请稍后再试';
}

interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  /** Seconds; Cognito always sends it, cognito-local never does (the token's `exp` says it). */
  ExpiresIn?: number;
}

/** The claims of a JWT (unverified: the API verifies; the console only reads `exp`, `username`). */
export function tokenClaims(token: string): Record<string, unknown> {
  try {
    const payload = token.split('.')[1] ?? '';
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The pool's region from Cognito's endpoint; cognito-local's answers in any region. */
function regionOf(endpoint: string): string {
  return /cognito-idp\.([a-z0-9-]+)\.amazonaws\.com/.exec(endpoint)?.[1] ?? 'us-east-1';
}

type PoolCommand =
  | InitiateAuthCommand
  | RespondToAuthChallengeCommand
  | AssociateSoftwareTokenCommand
  | VerifySoftwareTokenCommand
  | SetUserMFAPreferenceCommand
  | RevokeTokenCommand;

export class CognitoClient {
  private readonly pool: CognitoIdentityProviderClient;

  constructor(
    endpoint: string,
    private readonly clientId: string,
    private readonly now: () => number = Date.now,
  ) {
    this.pool = new CognitoIdentityProviderClient({ endpoint, region: regionOf(endpoint), maxAttempts: 2 });
  }

  async signIn(username: string, password: string): Promise<SignInResult> {
    const answer = await this.call(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: this.clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    ).catch((error: unknown) => {
      // cognito-local answers a wrong password with InvalidPasswordException (Cognito itself with
      // NotAuthorizedException): at sign-in both mean the same to the person.
      if (error instanceof SignInError && error.code === 'InvalidPasswordException') {
        throw new SignInError('NotAuthorizedException', refusalMessage('NotAuthorizedException'));
      }
      throw error;
    });
    return this.signInResult(answer, username);
  }

  /** The first sign-in with a temporary password: set the person's own password. */
  async setNewPassword(session: string, username: string, newPassword: string): Promise<SignInResult> {
    const answer = await this.call(
      new RespondToAuthChallengeCommand({
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        ClientId: this.clientId,
        Session: session,
        ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
      }),
    );
    return this.signInResult(answer, username);
  }

  /** The sign-in's second step for a person with TOTP bound: the code the authenticator shows. */
  async answerTotp(session: string, username: string, code: string): Promise<SignInResult> {
    const answer = await this.call(
      new RespondToAuthChallengeCommand({
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        ClientId: this.clientId,
        Session: session,
        ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code },
      }),
    ).catch((error: unknown) => {
      const message = error instanceof SignInError ? totpMessages[error.code] : undefined;
      if (error instanceof SignInError && message) throw new SignInError(error.code, message);
      throw error;
    });
    return this.signInResult(answer, username);
  }

  /** Binding TOTP, step 1: a new secret for the signed-in person (shown once, as text and URI). */
  async associateTotp(accessToken: string): Promise<string> {
    const answer = await this.call(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
    if (typeof answer.SecretCode !== 'string') {
      throw new SignInError('Unsupported', '登录服务未返回动态口令密钥，请稍后重试');
    }
    return answer.SecretCode;
  }

  /**
   * Binding TOTP, step 2: the first code from the authenticator proves it holds the secret; then
   * TOTP becomes the person's preferred (and only) second factor, asked at every sign-in.
   */
  async verifyTotp(accessToken: string, code: string, deviceName: string): Promise<void> {
    const answer = await this.call(
      new VerifySoftwareTokenCommand({
        AccessToken: accessToken,
        UserCode: code,
        FriendlyDeviceName: deviceName,
      }),
    ).catch((error: unknown) => {
      if (error instanceof SignInError && error.code === 'CodeMismatchException') {
        throw new SignInError(error.code, refusalMessage('EnableSoftwareTokenMFAException'));
      }
      throw error;
    });
    if (answer.Status !== undefined && answer.Status !== 'SUCCESS') {
      throw new SignInError(
        'EnableSoftwareTokenMFAException',
        refusalMessage('EnableSoftwareTokenMFAException'),
      );
    }
    await this.call(
      new SetUserMFAPreferenceCommand({
        AccessToken: accessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
  }

  async refresh(refreshToken: string): Promise<Tokens> {
    const answer = await this.call(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: this.clientId,
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      }),
    );
    const result = answer.AuthenticationResult as AuthenticationResult | undefined;
    if (!result) throw new SignInError('NotAuthorizedException', '登录已过期，请重新登录');
    return this.tokens(result, refreshToken);
  }

  /** Signing out revokes the refresh token; a failure here must not keep the person signed in. */
  async signOut(refreshToken: string): Promise<void> {
    await this.call(new RevokeTokenCommand({ ClientId: this.clientId, Token: refreshToken })).catch(
      () => undefined,
    );
  }

  private signInResult(answer: Record<string, unknown>, username: string): SignInResult {
    if (answer.ChallengeName === 'NEW_PASSWORD_REQUIRED' && typeof answer.Session === 'string') {
      return { kind: 'new-password-required', session: answer.Session, username };
    }
    if (answer.ChallengeName === 'SOFTWARE_TOKEN_MFA' && typeof answer.Session === 'string') {
      // Cognito names the person in the challenge (USER_ID_FOR_SRP); the typed username works too.
      return { kind: 'totp-required', session: answer.Session, username };
    }
    const result = answer.AuthenticationResult as AuthenticationResult | undefined;
    if (!result?.RefreshToken) {
      throw new SignInError(
        String(answer.ChallengeName ?? 'Unsupported'),
        '此账号需要的登录方式控制台暂不支持，请联系管理员',
      );
    }
    return { kind: 'signed-in', tokens: this.tokens(result, result.RefreshToken) };
  }

  private tokens(result: AuthenticationResult, refreshToken: string): Tokens {
    const exp = tokenClaims(result.AccessToken).exp;
    const expiresAt =
      typeof result.ExpiresIn === 'number'
        ? this.now() + result.ExpiresIn * 1000
        : typeof exp === 'number'
          ? exp * 1000
          : // Neither: assume Cognito's shortest access-token life rather than refresh at every call.
            this.now() + 5 * 60_000;
    return { accessToken: result.AccessToken, idToken: result.IdToken, refreshToken, expiresAt };
  }

  private async call(command: PoolCommand): Promise<Record<string, unknown>> {
    try {
      // One client, many commands: the SDK's `send` is typed per command, the answers are read as data.
      return (await this.pool.send(command as InitiateAuthCommand)) as unknown as Record<string, unknown>;
    } catch (error) {
      if (error instanceof CognitoIdentityProviderServiceException) {
        throw new SignInError(error.name, refusalMessage(error.name));
      }
      throw new SignInError('NetworkError', '无法连接登录服务，请检查网络后重试');
    }
  }
}
