import type { RateLimit } from '../catalogue/rate-limits';
import type { RouteDeclaration } from '../catalogue/route-declaration';
import type { Principal } from '../domain/roles';
import { TooManyRequestsError } from '../errors';
import { tableFromEnvironment } from '../store/dynamo/client';
import { DynamoRateCounter } from '../store/dynamo/rate-counter';
import type { RateCounter, RateDecision } from '../store/ports';
import { logger } from './logger';

const windowText = (windowSeconds: number) =>
  windowSeconds === 60 ? '每分钟' : windowSeconds === 3600 ? '每小时' : `每 ${windowSeconds} 秒`;

export function rateLimited(limit: RateLimit, retryAfterSeconds: number): TooManyRequestsError {
  return new TooManyRequestsError(
    'RATE_LIMITED',
    `请求过于频繁：此操作${windowText(limit.windowSeconds)}最多 ${limit.limit} 次，请在 ${retryAfterSeconds} 秒后重试`,
    retryAfterSeconds,
  );
}

/**
 * Counts a request against its route's per-caller limit, keyed by the caller's token id (from
 * the authorizer, never from the request). The counter lives in the one table unless a test
 * hands in another. A store failure lets the request through: the limit protects the system,
 * and refusing honest requests because the counter could not be written would do the opposite.
 */
export function rateLimiter(counter?: RateCounter) {
  let store = counter;
  return async (route: RouteDeclaration, principal: Principal | undefined, now: Date): Promise<void> => {
    const limit = route.rateLimit;
    if (!limit || !principal) return;
    store ??= new DynamoRateCounter(tableFromEnvironment());
    let decision: RateDecision;
    try {
      decision = await store.consume(principal.tokenId, route.operationId, limit, now);
    } catch (error) {
      logger.warn('rate limit not checked (store failed); request allowed', {
        operation: route.operationId,
        error: error instanceof Error ? error.name : 'unknown',
      });
      return;
    }
    if (!decision.allowed) throw rateLimited(limit, decision.retryAfterSeconds);
  };
}
