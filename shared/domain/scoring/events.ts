/**
 * Scoring facts that are events rather than records an editor makes: what a submission earns
 * (a 约稿 answer on time or late, a late 重要紧急信息) and what closing a month earns (the quota
 * and each 约稿 that fell due in it unanswered).
 */
import { answeredOnTime } from '../commissions';
import { monthOf } from '../periods';
import type { CommissionFact, LateImportantFact, QuotaFact, QuotaUnitClass, ScoringFact } from './facts';

export interface SubmittedForScoring {
  itemId: string;
  unitId: string;
  urgency: 'normal' | 'important';
  submittedAt: string;
  /** The quality findings of the submission; `LATE` marks one sent after its time limit. */
  findings: readonly { code: string }[];
}

/** The 约稿 an item answers, when this is the unit's first answer to it. */
export interface AnsweredCommission {
  commissionId: string;
  topic: string;
  deadline: string;
}

export function submissionFacts(item: SubmittedForScoring, answered?: AnsweredCommission): ScoringFact[] {
  const facts: ScoringFact[] = [];
  if (answered) {
    const fact: CommissionFact = {
      kind: 'commission',
      commissionId: answered.commissionId,
      topic: answered.topic,
      unitId: item.unitId,
      outcome: answeredOnTime(item.submittedAt, answered.deadline) ? 'on-time' : 'late',
      at: item.submittedAt,
    };
    facts.push(fact);
  }
  if (item.urgency === 'important' && item.findings.some((finding) => finding.code === 'LATE')) {
    const fact: LateImportantFact = {
      kind: 'late-important',
      itemId: item.itemId,
      unitId: item.unitId,
      at: item.submittedAt,
    };
    facts.push(fact);
  }
  return facts;
}

export interface ClosingUnit {
  unitId: string;
  unitClass: string;
  /** Items the unit submitted in the month (its month counter). */
  submitted: number;
}

/** A 约稿 asking this unit, with the unit's row as stored. */
export interface AskedCommission {
  commissionId: string;
  topic: string;
  deadline: string;
  status: 'pending' | 'answered';
}

const quotaClasses: readonly string[] = ['county', 'department'] satisfies QuotaUnitClass[];

/** What closing `month` earns one unit: its quota fact, and a miss for each unanswered 约稿 due in the month. */
export function monthCloseFacts(
  month: string,
  unit: ClosingUnit,
  commissions: readonly AskedCommission[],
): ScoringFact[] {
  const facts: ScoringFact[] = [];
  if (quotaClasses.includes(unit.unitClass)) {
    const quota: QuotaFact = {
      kind: 'quota',
      unitId: unit.unitId,
      unitClass: unit.unitClass as QuotaUnitClass,
      month,
      submitted: unit.submitted,
    };
    facts.push(quota);
  }
  for (const commission of commissions) {
    if (commission.status !== 'pending' || monthOf(new Date(commission.deadline)) !== month) continue;
    facts.push({
      kind: 'commission',
      commissionId: commission.commissionId,
      topic: commission.topic,
      unitId: unit.unitId,
      outcome: 'missed',
      at: new Date(commission.deadline).toISOString(),
    });
  }
  return facts;
}
