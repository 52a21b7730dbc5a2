import middy from '@middy/core';
import type {
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerWithContextResult,
} from 'aws-lambda';
import type { AuthorizerContext } from '#shared/http/auth-context';
import { injectLambdaContext, logger } from '#shared/http/logger';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoTokenStore } from '#shared/store/dynamo/tokens';
import { authorize } from './authorize';

const deps = { tokens: new DynamoTokenStore(tableFromEnvironment()), now: () => new Date() };

type Result = APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>;

/**
 * Always authorizes with a status in the context: handlers turn invalid or revoked tokens into
 * 401 with a Chinese message, which an HTTP API denial (a fixed 403) could not carry.
 */
export const handler = middy<APIGatewayRequestAuthorizerEventV2, Result>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const header = event.headers?.authorization ?? event.identitySource?.[0];
    const context = await authorize(deps, header);
    logger.info('authorized', { status: context.status, role: context.role, tokenId: context.tokenId });
    return { isAuthorized: true, context };
  });
