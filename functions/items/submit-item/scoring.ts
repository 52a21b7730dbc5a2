import { yearOf } from '#shared/domain/periods';
import {
  type AnsweredCommission,
  defaultPolicy,
  ledgerFor,
  ledgerTimeOf,
  type ScoringFact,
  submissionFacts,
  type TimedLine,
} from '#shared/domain/scoring/index';
import type { Item } from '#shared/schemas/items';
import type { DynamoCommissionStore } from '#shared/store/dynamo/commissions';
import type { PolicyStore } from '#shared/store/dynamo/policy';

export interface SubmitScoringDeps {
  policies: Pick<PolicyStore, 'latest'>;
  commissions: Pick<DynamoCommissionStore, 'unitRow'>;
}

/**
 * The 约稿 this item answers for the first time, if any. A second answer, or one after the month
 * close already recorded the 约稿 as missed, scores nothing (the miss stands): the unit's row
 * carries the 约稿's scoring fact once there is one, so the one read says both.
 */
async function firstAnswer(deps: SubmitScoringDeps, item: Item): Promise<AnsweredCommission | undefined> {
  if (!item.commissionId) return undefined;
  const row = await deps.commissions.unitRow(item.commissionId, item.unitId);
  // No row: the submit transaction refuses the answer (COMMISSION_NOT_FOR_UNIT).
  if (row?.status !== 'pending' || row.fact) return undefined;
  return { commissionId: row.commissionId, topic: row.topic, deadline: row.deadline };
}

/** What a submission scores under its year's policy, with its lines; undefined when nothing. */
export async function scoreSubmission(
  deps: SubmitScoringDeps,
  item: Item,
): Promise<{ facts: ScoringFact[]; ledger: TimedLine[] } | undefined> {
  const facts = submissionFacts(item, await firstAnswer(deps, item));
  if (facts.length === 0) return undefined;
  const year = Number(yearOf(new Date(item.submittedAt)));
  const policy = (await deps.policies.latest(year)) ?? defaultPolicy(year);
  const ledger = facts.flatMap((fact) =>
    ledgerFor(fact, policy).map((line) => ({ ...line, at: ledgerTimeOf(fact) })),
  );
  return { facts, ledger };
}
