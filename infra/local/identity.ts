/**
 * The local user pool (cognito-local): the pool, the console's app client and one group per role,
 * made on first start and found again on later ones. Their ids are kept in the data folder, so a
 * restart keeps the pool, the client and every account (the emulator keeps its state there too).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListGroupsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { roleLabels, roles } from '../../shared/domain/roles';
import { unitAttribute } from '../../shared/store/cognito/identity-admin';
import { localCredentials, localRegion } from './aws';

export interface LocalUserPool {
  /** cognito-local's API (the SDK's endpoint for cognito-idp). */
  endpoint: string;
  userPoolId: string;
  clientId: string;
  /** `<endpoint>/<poolId>`: what the emulator writes into `iss`. */
  issuer: string;
  jwksUrl: string;
}

export const localPoolNames = { pool: 'xinbao', client: 'xinbao-console' } as const;

export function localCognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ endpoint, region: localRegion, credentials: localCredentials });
}

const idsFile = (directory: string) => join(directory, 'xinbao-pool.json');

async function storedIds(directory: string): Promise<{ userPoolId?: string; clientId?: string }> {
  try {
    const parsed: unknown = JSON.parse(await readFile(idsFile(directory), 'utf8'));
    const get = (key: string) => {
      const value = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, key) : undefined;
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const userPoolId = get('userPoolId');
    const clientId = get('clientId');
    return { ...(userPoolId ? { userPoolId } : {}), ...(clientId ? { clientId } : {}) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return {};
    throw error;
  }
}

const isNotFound = (error: unknown) => error instanceof Error && /ResourceNotFound/.test(error.name);

async function ensurePool(client: CognitoIdentityProviderClient, known?: string): Promise<string> {
  if (known) {
    try {
      await client.send(new DescribeUserPoolCommand({ UserPoolId: known }));
      return known;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  const { UserPool } = await client.send(
    new CreateUserPoolCommand({
      PoolName: localPoolNames.pool,
      // Accounts are made by admins (POST /people), never by self sign-up.
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: [
        {
          Name: unitAttribute.replace(/^custom:/, ''),
          AttributeDataType: 'String',
          Mutable: true,
        },
      ],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      // As in the cloud: TOTP optional per person (the emulator answers the SOFTWARE_TOKEN_MFA
      // challenge once a person has set it up); which roles must have it is our rule, not the pool's.
      MfaConfiguration: 'OPTIONAL',
    }),
  );
  if (!UserPool?.Id) throw new Error('cognito-local answered a new user pool without its id');
  return UserPool.Id;
}

async function ensureClient(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  known?: string,
): Promise<string> {
  if (known) {
    try {
      await client.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: known }));
      return known;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  const { UserPoolClient } = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: localPoolNames.client,
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  if (!UserPoolClient?.ClientId) throw new Error('cognito-local answered a new app client without its id');
  return UserPoolClient.ClientId;
}

async function ensureGroups(client: CognitoIdentityProviderClient, userPoolId: string): Promise<void> {
  const { Groups } = await client.send(new ListGroupsCommand({ UserPoolId: userPoolId }));
  const present = new Set((Groups ?? []).map((group) => group.GroupName));
  for (const role of roles) {
    if (present.has(role)) continue;
    await client.send(
      new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: role, Description: roleLabels[role] }),
    );
  }
}

/**
 * Makes or finds the pool, the console client (USER_PASSWORD_AUTH + refresh tokens, no secret) and
 * the five role groups. Idempotent: a second start changes nothing.
 */
export async function ensureLocalUserPool(
  client: CognitoIdentityProviderClient,
  endpoint: string,
  directory: string,
): Promise<LocalUserPool> {
  const known = await storedIds(directory);
  const userPoolId = await ensurePool(client, known.userPoolId);
  const clientId = await ensureClient(
    client,
    userPoolId,
    userPoolId === known.userPoolId ? known.clientId : undefined,
  );
  await ensureGroups(client, userPoolId);
  if (userPoolId !== known.userPoolId || clientId !== known.clientId) {
    await writeFile(idsFile(directory), `${JSON.stringify({ userPoolId, clientId }, null, 2)}\n`);
  }
  const issuer = `${endpoint}/${userPoolId}`;
  return { endpoint, userPoolId, clientId, issuer, jwksUrl: `${issuer}/.well-known/jwks.json` };
}
