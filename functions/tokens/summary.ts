import type { TokenSummary } from '#shared/schemas/tokens';
import type { StoredToken } from '#shared/store/ports';

/** The public view of a token: never the hash, never the secret. */
export function toSummary(token: StoredToken): TokenSummary {
  const { hash: _hash, ...summary } = token;
  return Object.fromEntries(
    Object.entries(summary).filter(([, value]) => value !== undefined),
  ) as TokenSummary;
}
