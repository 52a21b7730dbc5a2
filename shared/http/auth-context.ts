import type { Principal, Role } from '../domain/roles';
import { isRole, isUnitRole } from '../domain/roles';

/**
 * What the authorizer hands to handlers (HTTP API simple response `context`). The authorizer
 * lets bad credentials through with a status instead of denying: an HTTP API denial is a fixed
 * `403 {"message":"Forbidden"}`, while users must get 401 with a Chinese explanation.
 * `expired` is a person's access token past its expiry; `inactive` a person whose account an
 * administrator disabled (停用); `mfa-required` a person whose role must sign in with TOTP
 * (REQUIRE_MFA_ROLES) and who has none activated.
 */
export type TokenStatus = 'active' | 'invalid' | 'revoked' | 'expired' | 'inactive' | 'mfa-required';

export interface AuthorizerContext {
  status: TokenStatus;
  role?: Role;
  unitId?: string;
  /** The credential: an `xb_` token's id, or `person:<personId>` for a signed-in person. */
  tokenId?: string;
  /** Set when a person signed in through the user pool acted. */
  personId?: string;
  personName?: string;
}

export function principalFrom(context: AuthorizerContext): Principal | undefined {
  if (context.status !== 'active' || !isRole(context.role) || !context.tokenId) return undefined;
  const person = context.personId
    ? { personId: context.personId, ...(context.personName ? { personName: context.personName } : {}) }
    : {};
  if (isUnitRole(context.role)) {
    return context.unitId
      ? { role: context.role, unitId: context.unitId, tokenId: context.tokenId, ...person }
      : undefined;
  }
  return { role: context.role, tokenId: context.tokenId, ...person };
}
