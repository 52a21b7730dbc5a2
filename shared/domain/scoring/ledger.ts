/**
 * The ledger rules: a fact and a policy in, ledger lines out. Pure and deterministic — the same
 * fact under the same policy always yields the same lines, so a year can be replayed under a
 * new policy and compared line by line.
 */
import type { ScoringPolicy } from '../../schemas/policy';
import type {
  AdoptedFact,
  CommissionFact,
  CommissionOutcome,
  CreditedUnit,
  InstructionFact,
  InstructionLevel,
  LateImportantFact,
  LedgerLine,
  LedgerSource,
  QuotaFact,
  ScoringFact,
  UpperAdoptedFact,
} from './facts';
import { formatPoints, fromCents, signedPoints, splitEvenly, toCents } from './points';

export const instructionLevelLabels: Record<InstructionLevel, string> = {
  city: '市领导',
  province: '省领导',
  state: '国务院领导',
};

const commissionOutcomeLabels: Record<CommissionOutcome, string> = {
  'on-time': '按时报送',
  late: '逾期报送',
  missed: '未报送',
};

interface Credit {
  unitId: string;
  cents: number;
  /** 「（合并信息，2 家单位平分）」 or 「（合并信息，按 50% 计）」; empty for a single unit. */
  note: string;
}

/** The units that share an item's points; duplicates of a unit id count once (the first). */
function distinctUnits(units: readonly CreditedUnit[]): CreditedUnit[] {
  const seen = new Set<string>();
  return units.filter((unit) => {
    if (seen.has(unit.unitId)) return false;
    seen.add(unit.unitId);
    return true;
  });
}

/** Distributes an item's points (hundredths) over its credited units as the policy says. */
export function coCredit(total: number, units: readonly CreditedUnit[], policy: ScoringPolicy): Credit[] {
  const credited = distinctUnits(units);
  if (credited.length === 1) {
    const [only] = credited;
    return only ? [{ unitId: only.unitId, cents: total, note: '' }] : [];
  }
  if (policy.coCredit === 'even') {
    const shares = splitEvenly(total, credited.length);
    return credited.map((unit, index) => ({
      unitId: unit.unitId,
      cents: shares[index] ?? 0,
      note: `（合并信息，${credited.length} 家单位平分）`,
    }));
  }
  return credited.map((unit, index) => {
    const share = unit.share ?? (index === 0 ? policy.fixedShares.lead : policy.fixedShares.other);
    return {
      unitId: unit.unitId,
      cents: Math.round(total * share),
      note: `（合并信息，按 ${formatPoints(Math.round(share * 10_000))}% 计）`,
    };
  });
}

function line(
  policy: ScoringPolicy,
  fields: { unitId: string; source: LedgerSource; refId: string; rule: string },
  cents: number,
  what: string,
  notes = '',
): LedgerLine {
  return {
    ...fields,
    policyVersion: policy.version,
    points: fromCents(cents),
    reason: notes ? `${what}${notes}${signedPoints(cents)}` : `${what} ${signedPoints(cents)}`,
  };
}

function creditLines(
  policy: ScoringPolicy,
  refId: string,
  rule: string,
  total: number,
  units: readonly CreditedUnit[],
  what: string,
  notes: string,
): LedgerLine[] {
  return coCredit(total, units, policy).map((credit) =>
    line(
      policy,
      { unitId: credit.unitId, source: 'item', refId, rule },
      credit.cents,
      what,
      notes + credit.note,
    ),
  );
}

function adopted(fact: AdoptedFact, policy: ScoringPolicy): LedgerLine[] {
  const points = policy.seriesPoints[fact.seriesId];
  const rule = `series:${fact.seriesId}`;
  const what = `${fact.bulletinLabel}采用`;
  if (points === undefined) {
    return creditLines(policy, fact.itemId, rule, 0, fact.units, what, '（考核办法未设该刊物分值）');
  }
  return creditLines(policy, fact.itemId, rule, toCents(points), fact.units, what, '');
}

/** The item-level points (hundredths) of an upper-level adoption, with the forwarding multiplier. */
export function upperItemCents(
  fact: Pick<UpperAdoptedFact, 'publicationId' | 'forwardedThroughCity'>,
  policy: ScoringPolicy,
): number | undefined {
  const publication = policy.upperPublications.find((p) => p.id === fact.publicationId);
  if (!publication) return undefined;
  const multiplier = fact.forwardedThroughCity ? publication.forwardedMultiplier : 1;
  return Math.round(toCents(publication.points) * multiplier);
}

function upperAdopted(fact: UpperAdoptedFact, policy: ScoringPolicy): LedgerLine[] {
  const publication = policy.upperPublications.find((p) => p.id === fact.publicationId);
  const rule = `upper:${fact.publicationId}`;
  const full = upperItemCents(fact, policy);
  if (!publication || full === undefined) {
    return creditLines(
      policy,
      fact.itemId,
      rule,
      0,
      fact.units,
      `上级刊物“${fact.publicationId}”采用`,
      '（考核办法未设该刊物分值）',
    );
  }
  let notes =
    fact.forwardedThroughCity && publication.forwardedMultiplier !== 1
      ? `（经市政府办公室报送 ×${publication.forwardedMultiplier}）`
      : '';
  let total = full;
  const earlier = toCents(fact.earlierUpperPoints ?? 0);
  if (!policy.accumulate && earlier > 0) {
    total = Math.max(0, full - earlier);
    notes +=
      total > 0
        ? `（同一信息按最高分计，已计 ${formatPoints(earlier)} 分，补差）`
        : `（同一信息已按不低于本次的分值计分，不重复计分）`;
  }
  return creditLines(policy, fact.itemId, rule, total, fact.units, `${publication.name}采用`, notes);
}

function instruction(fact: InstructionFact, policy: ScoringPolicy): LedgerLine[] {
  const what = `${instructionLevelLabels[fact.level]}${fact.leader}批示`;
  const rule = `instruction:${fact.level}`;
  if (fact.levelsAlreadyCounted.includes(fact.level)) {
    return creditLines(
      policy,
      fact.itemId,
      rule,
      0,
      fact.units,
      what,
      '（同一信息同级批示已计分，不重复计分）',
    );
  }
  return creditLines(
    policy,
    fact.itemId,
    rule,
    toCents(policy.instructionBonus[fact.level]),
    fact.units,
    what,
    '',
  );
}

function commission(fact: CommissionFact, policy: ScoringPolicy): LedgerLine[] {
  const cents =
    fact.outcome === 'on-time'
      ? toCents(policy.commission.answeredBonus)
      : -toCents(fact.outcome === 'late' ? policy.commission.latePenalty : policy.commission.missedPenalty);
  return [
    line(
      policy,
      {
        unitId: fact.unitId,
        source: 'commission',
        refId: fact.commissionId,
        rule: `commission:${fact.outcome}`,
      },
      cents,
      `约稿“${fact.topic}”${commissionOutcomeLabels[fact.outcome]}`,
    ),
  ];
}

function lateImportant(fact: LateImportantFact, policy: ScoringPolicy): LedgerLine[] {
  return [
    line(
      policy,
      { unitId: fact.unitId, source: 'item', refId: fact.itemId, rule: 'late-important' },
      -toCents(policy.lateImportantPenalty),
      '重要紧急信息迟报',
    ),
  ];
}

/** 2026-11 → 2026年11月. */
export function monthLabel(month: string): string {
  const [year, mm] = month.split('-');
  return `${year}年${Number(mm)}月`;
}

function quota(fact: QuotaFact, policy: ScoringPolicy): LedgerLine[] {
  const rule = policy.quotas.find((q) => q.unitClass === fact.unitClass);
  if (!rule) return [];
  const fields = { unitId: fact.unitId, source: 'quota' as const, refId: fact.month };
  const label = monthLabel(fact.month);
  if (fact.submitted >= rule.perMonth) {
    return [
      line(
        policy,
        { ...fields, rule: `quota:${fact.unitClass}:met` },
        toCents(rule.basePoints),
        `${label}报送 ${fact.submitted} 篇，完成每月 ${rule.perMonth} 篇任务`,
      ),
    ];
  }
  const missing = rule.perMonth - fact.submitted;
  return [
    line(
      policy,
      { ...fields, rule: `quota:${fact.unitClass}:missed` },
      -toCents(rule.deductionPerMissing) * missing,
      `${label}报送 ${fact.submitted} 篇，未完成每月 ${rule.perMonth} 篇任务，缺 ${missing} 篇`,
    ),
  ];
}

/** The ledger lines one fact earns under one policy. */
export function ledgerFor(fact: ScoringFact, policy: ScoringPolicy): LedgerLine[] {
  switch (fact.kind) {
    case 'adopted':
      return adopted(fact, policy);
    case 'upper-adopted':
      return upperAdopted(fact, policy);
    case 'instruction':
      return instruction(fact, policy);
    case 'commission':
      return commission(fact, policy);
    case 'late-important':
      return lateImportant(fact, policy);
    case 'quota':
      return quota(fact, policy);
  }
}

/** Plain code-unit comparison: locale-independent, so the order is the same everywhere. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareLines(a: LedgerLine, b: LedgerLine): number {
  return (
    compareText(a.unitId, b.unitId) ||
    compareText(a.source, b.source) ||
    compareText(a.refId, b.refId) ||
    compareText(a.rule, b.rule) ||
    a.points - b.points ||
    compareText(a.reason, b.reason) ||
    a.policyVersion - b.policyVersion
  );
}

const kindOrder: Record<ScoringFact['kind'], number> = {
  adopted: 0,
  'upper-adopted': 1,
  instruction: 2,
  commission: 3,
  'late-important': 4,
  quota: 5,
};

function timeOf(fact: ScoringFact): string {
  return fact.kind === 'quota' ? fact.month : fact.at;
}

/** A total order on facts (time, kind, then content), so that replay does not depend on input order. */
export function compareFacts(a: ScoringFact, b: ScoringFact): number {
  return (
    compareText(timeOf(a), timeOf(b)) ||
    kindOrder[a.kind] - kindOrder[b.kind] ||
    compareText(JSON.stringify(a), JSON.stringify(b))
  );
}

/**
 * Replays a year's facts under a policy. The per-item history that single facts carry
 * (`earlierUpperPoints`, `levelsAlreadyCounted`) is recomputed from the facts themselves in time
 * order — under the new policy the earlier points differ — so the result depends only on the set
 * of facts and the policy: identical input gives an identical, sorted ledger.
 */
export function replayYear(facts: readonly ScoringFact[], policy: ScoringPolicy): LedgerLine[] {
  const lines: LedgerLine[] = [];
  replayEach(facts, policy, (_fact, earned) => lines.push(...earned));
  return lines.sort(compareLines);
}

/**
 * The replay loop: each fact in the total order with the lines it earns, its per-item history
 * (`earlierUpperPoints`, `levelsAlreadyCounted`) recomputed under `policy` from the facts before it.
 */
export function replayEach(
  facts: readonly ScoringFact[],
  policy: ScoringPolicy,
  emit: (fact: ScoringFact, lines: LedgerLine[]) => void,
): void {
  const upperCounted = new Map<string, number>();
  const levelsCounted = new Map<string, InstructionLevel[]>();
  for (const fact of [...facts].sort(compareFacts)) {
    if (fact.kind === 'upper-adopted') {
      const earlier = upperCounted.get(fact.itemId) ?? 0;
      emit(fact, ledgerFor({ ...fact, earlierUpperPoints: fromCents(earlier) }, policy));
      const full = upperItemCents(fact, policy) ?? 0;
      upperCounted.set(fact.itemId, policy.accumulate ? earlier + full : Math.max(earlier, full));
    } else if (fact.kind === 'instruction') {
      const counted = levelsCounted.get(fact.itemId) ?? [];
      emit(fact, ledgerFor({ ...fact, levelsAlreadyCounted: counted }, policy));
      if (!counted.includes(fact.level)) levelsCounted.set(fact.itemId, [...counted, fact.level]);
    } else {
      emit(fact, ledgerFor(fact, policy));
    }
  }
}

/** A unit's score: the exact sum of its ledger lines. */
export function scoreOf(lines: readonly LedgerLine[], unitId: string): number {
  return fromCents(lines.reduce((sum, l) => (l.unitId === unitId ? sum + toCents(l.points) : sum), 0));
}
