import { isUnitRole, personCallerId, type Role } from '#shared/domain/roles';
import { bearerToken, hashToken, shouldTouch } from '#shared/domain/tokens';
import type { AuthorizerContext } from '#shared/http/auth-context';
import { logger } from '#shared/http/logger';
import type { AccessTokenVerifier, MfaStatus, PersonStore, TokenStore } from '#shared/store/ports';

export interface AuthorizeDeps {
  tokens: TokenStore;
  /** People signed in through the user pool; without these, access tokens are refused. */
  people?: Pick<PersonStore, 'get'>;
  accessTokens?: AccessTokenVerifier;
  /**
   * Roles whose people must have TOTP activated (REQUIRE_MFA_ROLES; admin and editor in the
   * cloud). Their tokens are refused with `mfa-required` unless `mfa` says TOTP is activated —
   * also when `mfa` is missing: the rule fails closed.
   */
  requireMfaRoles?: readonly Role[];
  mfa?: MfaStatus;
  now: () => Date;
}

/** A JWT: three base64url parts (the last empty for `alg: none`, which the verifier refuses). */
const jwtBearer = /^Bearer ([A-Za-z0-9_-]{1,4096}\.[A-Za-z0-9_-]{1,8192}\.[A-Za-z0-9_-]{0,1024})$/;

/** Resolves a bearer header to who is calling; the status tells the handler what to refuse. */
export async function authorize(
  deps: AuthorizeDeps,
  authorization: string | undefined,
): Promise<AuthorizerContext> {
  const jwt = jwtBearer.exec(authorization?.trim() ?? '')?.[1];
  if (jwt) return authorizePerson(deps, jwt);
  const secret = bearerToken(authorization);
  if (!secret) return { status: 'invalid' };
  const hash = hashToken(secret);
  const token = await deps.tokens.findByHash(hash);
  if (!token) return { status: 'invalid' };
  if (token.revokedAt) return { status: 'revoked', tokenId: token.tokenId };
  const now = deps.now();
  if (shouldTouch(token.lastUsedAt, now)) {
    // Last-used time is informative: a failed write must not refuse a valid caller.
    await deps.tokens.touch(hash, now.toISOString()).catch((error: unknown) => {
      logger.warn('could not record token use', { tokenId: token.tokenId, error: String(error) });
    });
  }
  return {
    status: 'active',
    role: token.role,
    tokenId: token.tokenId,
    ...(token.unitId ? { unitId: token.unitId } : {}),
  };
}

/**
 * A user pool access token: verified (signature, issuer, client, `token_use`, expiry), then the
 * person's record decides — role and unit come from our table, never from the token's claims, and
 * a disabled person is refused however fresh the token, and so is a person whose role requires
 * TOTP while the pool lists none activated for them (read at each uncached call, so a person who
 * deactivates TOTP is refused from the next one). The gateway caches this answer for at
 * most 10 seconds, so a disable, a move or a role change takes effect within that time.
 */
async function authorizePerson(deps: AuthorizeDeps, jwt: string): Promise<AuthorizerContext> {
  if (!deps.accessTokens || !deps.people) return { status: 'invalid' };
  const check = await deps.accessTokens.verify(jwt);
  if (!check.ok) {
    logger.info('access token refused', { reason: check.reason, detail: check.detail });
    return { status: check.reason };
  }
  const person = await deps.people.get(check.personId);
  if (!person) {
    logger.warn('access token of a person with no record', { personId: check.personId });
    return { status: 'invalid' };
  }
  const caller = { tokenId: personCallerId(person.personId), personId: person.personId };
  if (!person.active) return { status: 'inactive', ...caller };
  if (isUnitRole(person.role) && !person.unitId) return { status: 'invalid', ...caller };
  if (deps.requireMfaRoles?.includes(person.role) && !(await deps.mfa?.hasTotp(person.username))) {
    logger.info('access token refused', { reason: 'mfa-required', personId: person.personId });
    return { status: 'mfa-required', ...caller };
  }
  return {
    status: 'active',
    role: person.role,
    ...caller,
    personName: person.name,
    ...(isUnitRole(person.role) && person.unitId ? { unitId: person.unitId } : {}),
  };
}
