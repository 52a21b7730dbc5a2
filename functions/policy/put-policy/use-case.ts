import type { ScoringPolicyBody, StoredPolicy } from '#shared/schemas/policy';
import type { PolicyDeps } from '../deps';

/**
 * Stores a new version of a year's 考核办法 (the body was validated against the schema already;
 * an invalid one never reaches here, so the old version stays). The version number follows the
 * latest one read consistently; a concurrent save in between is refused with 409.
 */
export async function putPolicy(
  deps: Pick<PolicyDeps, 'policies' | 'now'>,
  year: number,
  body: ScoringPolicyBody,
  updatedBy: string,
): Promise<StoredPolicy> {
  const current = await deps.policies.latest(year, true);
  return deps.policies.put(year, body, current?.version ?? 0, updatedBy, deps.now().toISOString());
}
