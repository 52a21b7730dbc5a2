import { readFile, writeFile } from 'node:fs/promises';
import { envNames } from '../../shared/config';
import { lshIndexerFunctionEnv } from '../../shared/store/lambda/lsh-indexer';
import { mailerFunctionEnv } from '../../shared/store/lambda/mail-dispatcher';
import { wordRendererFunctionEnv } from '../../shared/store/lambda/word-renderer';
import { localCredentials, localRegion } from './aws';

export const localNames = {
  table: 'xinbao',
  attachmentsBucket: 'xinbao-attachments',
  archiveBucket: 'xinbao-archive',
  mailFrom: 'xinbao@localhost',
  /** The demo city's office (the demo units are Weifang's). */
  officeName: '潍坊市人民政府办公室',
} as const;

export interface ServiceEndpoints {
  dynamodb: string;
  s3: string;
  ses: string;
  /** The local Lambda Invoke API (infra/local/lambda/invoke-server.ts), for functions that invoke others. */
  lambda?: string;
  /** The local archive site, for links in mail. */
  archive?: string;
  /** The local user pool (cognito-local): people's sign-in and the people function's admin calls. */
  userPool?: { endpoint: string; userPoolId: string; clientId: string; issuer: string; jwksUrl: string };
}

/**
 * What the handlers see locally. Only endpoints differ from the cloud: the SDK v3 reads
 * AWS_ENDPOINT_URL_<SERVICE> itself, so no handler knows it runs locally.
 */
export function handlerEnvironment(endpoints: ServiceEndpoints): Record<string, string> {
  return {
    AWS_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_SES: endpoints.ses,
    ...(endpoints.lambda ? { AWS_ENDPOINT_URL_LAMBDA: endpoints.lambda } : {}),
    ...(endpoints.userPool ? userPoolEnvironment(endpoints.userPool) : {}),
    // Local functions are invoked by their catalogue name.
    [mailerFunctionEnv]: 'mailer',
    [lshIndexerFunctionEnv]: 'lsh-indexer',
    [wordRendererFunctionEnv]: 'word-renderer',
    // s3rver keeps uploads intact and presigned URLs body-agnostic only without default checksums.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    [envNames.s3PathStyle]: 'true',
    [envNames.tableName]: localNames.table,
    [envNames.attachmentsBucket]: localNames.attachmentsBucket,
    [envNames.archiveBucket]: localNames.archiveBucket,
    [envNames.mailFrom]: localNames.mailFrom,
    [envNames.officeName]: localNames.officeName,
    // cognito-local sends no mail: new and reset accounts answer their temporary password once.
    [envNames.userPoolSendsMail]: 'false',
    ...(endpoints.archive ? { [envNames.archiveUrl]: endpoints.archive } : {}),
    // Handlers log at INFO in the cloud; locally that would drown the console.
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL || 'WARN',
  };
}

/** The pool's settings as the cloud stacks give them to the authorizer and the people function. */
function userPoolEnvironment(pool: NonNullable<ServiceEndpoints['userPool']>): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: pool.endpoint,
    [envNames.userPoolId]: pool.userPoolId,
    [envNames.userPoolClientId]: pool.clientId,
    [envNames.userPoolIssuer]: pool.issuer,
    // aws-jwt-verify fetches only https keys itself: the emulator's are preloaded from here.
    [envNames.userPoolJwksUrl]: pool.jwksUrl,
  };
}

/** Where people sign in locally (InitiateAuth), for the admin CLI, scripts and tests: `<data>/local.env`. */
export const cognitoEndpointEnv = 'COGNITO_ENDPOINT';

/**
 * TEST HOOK read once at start by the local stack, never by handlers: `XINBAO_LOCAL_FAULTS=throttle:0.1`
 * makes the local DynamoDB answer 10% of data calls with a throttle once the stack is up
 * (infra/local/dynamo/faults.ts). Unset in normal use; only the reliability suite sets it.
 */
export const localFaultsEnv = 'XINBAO_LOCAL_FAULTS';

/** Must run before any handler module is imported: they read the environment at load time. */
export function applyEnvironment(env: Record<string, string>): void {
  for (const [key, value] of Object.entries(env)) process.env[key] = value;
}

export function formatEnvFile(env: Record<string, string>, comment: string): string {
  const lines = comment.split('\n').map((line) => `# ${line}`);
  for (const [key, value] of Object.entries(env)) lines.push(`${key}=${value}`);
  return `${lines.join('\n')}\n`;
}

export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) env[match[1]] = match[2].trim();
  }
  return env;
}

export async function writeEnvFile(path: string, env: Record<string, string>, comment: string) {
  await writeFile(path, formatEnvFile(env, comment), { encoding: 'utf8', mode: 0o600 });
}

export async function readEnvFile(path: string): Promise<Record<string, string> | undefined> {
  try {
    return parseEnvFile(await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
