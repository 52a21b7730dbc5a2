import type { RouteDeclaration } from '../catalogue/route-declaration';
import type { Principal } from '../domain/roles';
import { UnauthorizedError } from '../errors';
import { tableFromEnvironment } from '../store/dynamo/client';
import { DynamoPersonStore } from '../store/dynamo/people';
import { DynamoTokenStore } from '../store/dynamo/tokens';
import type { PersonStore, TokenStore } from '../store/ports';

/**
 * For routes that change accounts (`recheckCaller`): the authorizer's answer is cached for a few
 * seconds, so a token revoked (or a person disabled) a moment ago still reaches the handler. These
 * routes re-read the caller's own token row — or, for a signed-in person, the person's record —
 * and refuse a revoked, disabled, moved or vanished caller: a revoked admin cannot mint a token
 * that outlives it. A store failure refuses too (503): this check fails closed.
 */
export type CallerRecheck = (route: RouteDeclaration, principal: Principal | undefined) => Promise<void>;

export function callerRecheck(
  tokens?: Pick<TokenStore, 'findById'>,
  people?: Pick<PersonStore, 'get'>,
): CallerRecheck {
  let tokenStore = tokens;
  let personStore = people;
  return async (route: RouteDeclaration, principal: Principal | undefined): Promise<void> => {
    if (!route.recheckCaller || !principal) return;
    if (principal.personId) {
      personStore ??= new DynamoPersonStore(tableFromEnvironment());
      const person = await personStore.get(principal.personId);
      if (!person?.active) {
        throw new UnauthorizedError('ACCOUNT_DISABLED', '账号已停用，请联系单位管理员或系统管理员');
      }
      if (person.role !== principal.role || (person.unitId ?? undefined) !== principal.unitId) {
        throw new UnauthorizedError('ACCOUNT_CHANGED', '账号的角色或所属单位已变更，请重新登录');
      }
      return;
    }
    tokenStore ??= new DynamoTokenStore(tableFromEnvironment());
    const token = await tokenStore.findById(principal.tokenId);
    if (!token || token.revokedAt) {
      throw new UnauthorizedError('TOKEN_REVOKED', '令牌已被吊销，请联系系统管理员重新签发');
    }
  };
}
