import type { RouteDeclaration } from '../catalogue/route-declaration';
import type { Principal } from '../domain/roles';
import { UnauthorizedError } from '../errors';
import { tableFromEnvironment } from '../store/dynamo/client';
import { DynamoTokenStore } from '../store/dynamo/tokens';
import type { TokenStore } from '../store/ports';

/**
 * For routes that change accounts (`recheckCaller`): the authorizer's answer is cached for a few
 * seconds, so a token revoked a moment ago still reaches the handler. These routes re-read the
 * caller's own token row and refuse a revoked (or vanished) one — a revoked admin token cannot
 * mint a new token that outlives it. A store failure refuses too (503): this check fails closed.
 */
export function callerRecheck(tokens?: Pick<TokenStore, 'findById'>) {
  let store = tokens;
  return async (route: RouteDeclaration, principal: Principal | undefined): Promise<void> => {
    if (!route.recheckCaller || !principal) return;
    store ??= new DynamoTokenStore(tableFromEnvironment());
    const token = await store.findById(principal.tokenId);
    if (!token || token.revokedAt) {
      throw new UnauthorizedError('TOKEN_REVOKED', '令牌已被吊销，请联系系统管理员重新签发');
    }
  };
}
