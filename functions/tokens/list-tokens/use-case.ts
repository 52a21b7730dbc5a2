import type { TokensDeps } from '../deps';
import { toSummary } from '../summary';

export async function listTokens(
  deps: TokensDeps,
  query: { unitId?: string; includeRevoked?: 'true' | 'false' },
) {
  const tokens = await deps.tokens.list();
  return {
    tokens: tokens
      .filter((token) => !query.unitId || token.unitId === query.unitId)
      .filter((token) => query.includeRevoked === 'true' || !token.revokedAt)
      .map(toSummary),
  };
}
