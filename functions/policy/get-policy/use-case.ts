import { defaultPolicy } from '#shared/domain/scoring/defaults';
import { NotFoundError } from '#shared/errors';
import type { StoredPolicy } from '#shared/schemas/policy';
import type { PolicyDeps } from '../deps';

/**
 * A year's 考核办法: the latest stored version, or the defaults (version 0) before any is stored.
 * Older versions stay readable with `?version=N`, so a past ranking can be explained.
 */
export async function getPolicy(
  deps: Pick<PolicyDeps, 'policies'>,
  year: number,
  version?: number,
): Promise<StoredPolicy> {
  if (version === undefined) return (await deps.policies.latest(year)) ?? defaultPolicy(year);
  if (version === 0) return defaultPolicy(year);
  const stored = await deps.policies.version(year, version);
  if (!stored) throw new NotFoundError('POLICY_VERSION_NOT_FOUND', `${year} 年考核办法没有第 ${version} 版`);
  return stored;
}
