import { bearerToken, hashToken, shouldTouch } from '#shared/domain/tokens';
import type { AuthorizerContext } from '#shared/http/auth-context';
import { logger } from '#shared/http/logger';
import type { TokenStore } from '#shared/store/ports';

export interface AuthorizeDeps {
  tokens: TokenStore;
  now: () => Date;
}

/** Resolves a bearer header to who is calling; the status tells the handler what to refuse. */
export async function authorize(
  deps: AuthorizeDeps,
  authorization: string | undefined,
): Promise<AuthorizerContext> {
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
