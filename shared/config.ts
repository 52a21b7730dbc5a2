/**
 * Runtime configuration, read from the environment the same way in the cloud and locally.
 * Only endpoints differ between the two runtimes: the SDK's own `AWS_ENDPOINT_URL_<SERVICE>`
 * variables point clients at the local emulators, and S3 path-style addressing is switched on
 * with XINBAO_S3_PATH_STYLE for the emulator's sake.
 */
export const envNames = {
  tableName: 'TABLE_NAME',
  attachmentsBucket: 'ATTACHMENTS_BUCKET',
  archiveBucket: 'ARCHIVE_BUCKET',
  mailFrom: 'MAIL_FROM',
  mailConfigurationSet: 'MAIL_CONFIGURATION_SET',
  s3PathStyle: 'XINBAO_S3_PATH_STYLE',
  appVersion: 'XINBAO_VERSION',
  /** 编发单位 printed on bulletins, e.g. 潍坊市人民政府办公室. */
  officeName: 'XINBAO_OFFICE_NAME',
  /** Public base URL of the archive site, used in mail links. */
  archiveUrl: 'XINBAO_ARCHIVE_URL',
  /** The mailer's function name, set for functions declaring `invokes: ['mailer']` (locally `mailer`). */
  mailerFunctionName: 'MAILER_FUNCTION_NAME',
  /** The near-duplicate indexer's function name, for functions declaring `invokes: ['lsh-indexer']`. */
  lshIndexerFunctionName: 'LSH_INDEXER_FUNCTION_NAME',
  /** The Word renderer's function name, for functions declaring `invokes: ['word-renderer']`. */
  wordRendererFunctionName: 'WORD_RENDERER_FUNCTION_NAME',
  /** The user pool people sign in to (Cognito; cognito-local locally). */
  userPoolId: 'USER_POOL_ID',
  /** The console's app client: the only audience the authorizer accepts for access tokens. */
  userPoolClientId: 'USER_POOL_CLIENT_ID',
  /**
   * The user pool's token issuer (`https://cognito-idp.<region>.amazonaws.com/<poolId>` in the
   * cloud; the emulator's `http://localhost:<port>/<poolId>` locally).
   */
  userPoolIssuer: 'USER_POOL_ISSUER',
  /**
   * Optional: a JWKS URL the authorizer fetches once and preloads into its verifier instead of
   * letting the verifier fetch the issuer's keys itself (aws-jwt-verify refuses `http:` JWKS
   * URIs, which is what the emulator serves). Unset in the cloud.
   */
  userPoolJwksUrl: 'USER_POOL_JWKS_URL',
  /**
   * Whether the user pool mails invitations and password resets itself (`true`, the default: the
   * cloud pool sends them through our SES identity). `false` where the pool sends no mail
   * (cognito-local): `POST /people` and the password reset then answer the temporary password once.
   */
  userPoolSendsMail: 'USER_POOL_SENDS_MAIL',
  /**
   * Roles (comma-separated, e.g. `admin,editor`) whose people the authorizer refuses (403
   * MFA_REQUIRED) until they have TOTP activated in the user pool; it then also needs
   * USER_POOL_ID. Set by the CDK stack; unset locally (cognito-local has no MFA to enforce).
   */
  requireMfaRoles: 'REQUIRE_MFA_ROLES',
} as const;

export const defaultOfficeName = '市人民政府办公室';

export type ConfigKey = keyof typeof envNames;

export function readConfig(key: ConfigKey): string {
  const value = process.env[envNames[key]];
  if (!value) throw new Error(`missing environment variable ${envNames[key]}`);
  return value;
}

export function readOptionalConfig(key: ConfigKey): string | undefined {
  return process.env[envNames[key]] || undefined;
}
