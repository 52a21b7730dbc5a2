import type { PolicyDeps } from '../deps';

/** The audit trail of a year's replays (重算记录), newest first. */
export async function listReplays(deps: Pick<PolicyDeps, 'replays'>, year: number) {
  return { year, replays: await deps.replays.audits(year) };
}
