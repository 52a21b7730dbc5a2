import { NotFoundError } from '#shared/errors';
import type { TokensDeps } from '../deps';
import { toSummary } from '../summary';

export async function revokeToken(deps: TokensDeps, tokenId: string) {
  const revoked = await deps.tokens.revoke(tokenId, deps.now().toISOString());
  if (!revoked) throw new NotFoundError('TOKEN_NOT_FOUND', `找不到令牌“${tokenId}”`);
  return toSummary(revoked);
}
