import middy from '@middy/core';
import type {
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerWithContextResult,
} from 'aws-lambda';
import { readOptionalConfig } from '#shared/config';
import { parseRoleList } from '#shared/domain/roles';
import type { AuthorizerContext } from '#shared/http/auth-context';
import { injectLambdaContext, logger } from '#shared/http/logger';
import {
  UserPoolAccessTokens,
  userPoolTokenConfigFromEnvironment,
} from '#shared/store/cognito/access-tokens';
import { CognitoMfaStatus } from '#shared/store/cognito/mfa-status';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoPersonStore } from '#shared/store/dynamo/people';
import { DynamoTokenStore } from '#shared/store/dynamo/tokens';
import { authorize } from './authorize';

const table = tableFromEnvironment();
const userPool = userPoolTokenConfigFromEnvironment();
// Admin and editor accounts in the cloud: refused until TOTP is activated (unset locally).
const requireMfaRoles = parseRoleList(readOptionalConfig('requireMfaRoles'));
const deps = {
  tokens: new DynamoTokenStore(table),
  now: () => new Date(),
  // Without a configured user pool, only `xb_` tokens are accepted.
  ...(userPool
    ? { people: new DynamoPersonStore(table), accessTokens: new UserPoolAccessTokens(userPool) }
    : {}),
  ...(requireMfaRoles.length > 0 ? { requireMfaRoles, mfa: new CognitoMfaStatus() } : {}),
};

type Result = APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>;

/**
 * Always authorizes with a status in the context: handlers turn invalid, revoked, expired or
 * disabled callers into 401 with a Chinese message, which an HTTP API denial (a fixed 403) could
 * not carry. Only ids and statuses are logged, never the header.
 */
export const handler = middy<APIGatewayRequestAuthorizerEventV2, Result>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const header = event.headers?.authorization ?? event.identitySource?.[0];
    const context = await authorize(deps, header);
    logger.info('authorized', { status: context.status, role: context.role, tokenId: context.tokenId });
    return { isAuthorized: true, context };
  });
