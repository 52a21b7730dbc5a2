import { randomUUID } from 'node:crypto';
import { actorOf } from '#shared/domain/actor';
import { yearOf } from '#shared/domain/periods';
import type { Principal } from '#shared/domain/roles';
import { defaultPolicy, diffLedger, replayLedger } from '#shared/domain/scoring/index';
import { BadRequestError } from '#shared/errors';
import type { ReplayAudit } from '#shared/schemas/replay';
import type { PolicyDeps } from '../deps';
import { adoptionFacts } from './adoptions';
import { factsFromItemRows, itemsWithoutStoredFacts } from './recorded-facts';

/**
 * 重算: the year's facts re-read from the table — adoptions from the published issues, and the
 * stored scoring facts (upper adoptions, 批示, 约稿 answers and misses, quotas of closed months,
 * late important items) — scored again under the year's policy in force with the pure
 * `replayLedger`; the lines that differ are rewritten with the counters' points, so every score
 * stays the sum of its ledger. Deterministic: a second replay finds nothing to change. Leaves an
 * audit row; `dryRun` only reports the per-unit changes.
 */
export async function replayPolicy(
  deps: PolicyDeps,
  admin: Principal,
  year: number,
  dryRun: boolean,
): Promise<ReplayAudit> {
  const now = deps.now();
  if (year > Number(yearOf(now)))
    throw new BadRequestError('PERIOD_IN_FUTURE', `${year} 年尚未开始，无需重算`);
  const [policy, units, stored, issues] = await Promise.all([
    deps.policies.latest(year, true),
    deps.units.list(),
    deps.scoringFacts(year),
    deps.publishedIssues(year),
  ]);
  const adoptions = adoptionFacts(issues);
  const credited = [...adoptions, ...stored].flatMap((fact) =>
    'units' in fact ? fact.units.map((unit) => unit.unitId) : [fact.unitId],
  );
  const unitIds = [...new Set([...units.map((unit) => unit.id), ...credited])].sort();
  const before = await deps.replays.yearLedger(unitIds, year);
  const recorded = await Promise.all(
    itemsWithoutStoredFacts(before, stored).map(async (itemId) =>
      factsFromItemRows(itemId, await deps.itemFacts(itemId), year),
    ),
  );
  const facts = [...adoptions, ...stored, ...recorded.flat()];
  const after = replayLedger(facts, policy ?? defaultPolicy(year));
  const diff = diffLedger(before, after);
  const classes = new Map(units.map((unit) => [unit.id, unit.class]));
  if (!dryRun) await deps.replays.apply(diff, (unitId) => classes.get(unitId) ?? 'unknown');
  const audit: ReplayAudit = {
    replayId: `rp_${randomUUID()}`,
    year,
    policyVersion: policy?.version ?? 0,
    at: now.toISOString(),
    ...actorOf(admin),
    dryRun,
    facts: facts.length,
    linesBefore: before.length,
    linesAfter: after.length,
    linesWritten: diff.puts.length,
    linesDeleted: diff.deletes.length,
    changes: diff.units,
  };
  if (!dryRun) await deps.replays.putAudit(audit);
  return audit;
}
