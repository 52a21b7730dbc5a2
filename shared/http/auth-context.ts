import type { Principal, Role } from '../domain/roles';
import { isRole } from '../domain/roles';

/**
 * What the authorizer hands to handlers (HTTP API simple response `context`). The authorizer
 * lets bad tokens through with a status instead of denying: an HTTP API denial is a fixed
 * `403 {"message":"Forbidden"}`, while users must get 401 with a Chinese explanation.
 */
export type TokenStatus = 'active' | 'invalid' | 'revoked';

export interface AuthorizerContext {
  status: TokenStatus;
  role?: Role;
  unitId?: string;
  tokenId?: string;
}

export function principalFrom(context: AuthorizerContext): Principal | undefined {
  if (context.status !== 'active' || !isRole(context.role) || !context.tokenId) return undefined;
  if (context.role === 'reporter') {
    return context.unitId
      ? { role: 'reporter', unitId: context.unitId, tokenId: context.tokenId }
      : undefined;
  }
  return { role: context.role, tokenId: context.tokenId };
}
