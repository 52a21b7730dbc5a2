import { eachAtOnce } from '#shared/domain/at-once';
import { monthOf } from '#shared/domain/periods';
import { parsePeriod, periodStart, previousPeriod } from '#shared/domain/ranking';
import {
  type AskedCommission,
  ledgerFor,
  ledgerTimeOf,
  monthCloseFacts,
  monthEnd,
  type ScoringFact,
} from '#shared/domain/scoring/index';
import { BadRequestError } from '#shared/errors';
import type { ScoringPolicy } from '#shared/schemas/policy';
import type { Unit } from '#shared/schemas/units';
import { pointChanges } from '#shared/store/dynamo/ledger';
import { scoringFactId } from '#shared/store/dynamo/scoring-facts';
import type { DueCommission, MonthCloseDeps } from './deps';

export const monthCloseJob = 'month-close';

/** Units closed concurrently: the close of 96 units takes six rounds of store calls, not 96. */
const unitsAtOnce = 16;

/** The month a run closes: the one given, or the month before the scheduled time (Shanghai). */
export function closingMonth(scheduledTime: string, now: Date, period?: string): string {
  const month = period ?? previousPeriod(monthOf(new Date(scheduledTime)));
  if (!month || parsePeriod(month)?.kind !== 'month') {
    throw new BadRequestError('PERIOD_INVALID', `统计期“${period ?? ''}”格式不对，应为 2026-10 这样的月份`);
  }
  const start = periodStart(month);
  if (!start || start.getTime() > now.getTime()) {
    throw new BadRequestError('PERIOD_IN_FUTURE', `统计期 ${month} 尚未开始，不能结算`);
  }
  if (Date.parse(monthEnd(month)) >= now.getTime()) {
    throw new BadRequestError('PERIOD_NOT_FINISHED', `统计期 ${month} 尚未结束，不能结算`);
  }
  return month;
}

function asked(unitId: string, commissions: readonly DueCommission[]): AskedCommission[] {
  return commissions.flatMap((commission) => {
    const row = commission.rows.find((entry) => entry.unitId === unitId);
    return row ? [{ ...commission, status: row.status }] : [];
  });
}

/**
 * One unit's close: the facts not yet stored, their lines and points, in one transaction whose
 * fact and line Puts are conditional on absence. The first attempt trusts the month's stored ids
 * (one Query for every unit, which may trail a write by a moment); a transaction refused because
 * a fact is there after all (a race with another run, a late answer) reads each fact again,
 * consistently, once. A rerun finds every fact stored and writes nothing.
 */
async function closeUnit(
  deps: MonthCloseDeps,
  unit: Unit,
  candidates: ScoringFact[],
  policy: ScoringPolicy,
  stored: ReadonlySet<string>,
): Promise<number> {
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const present =
      attempt === 1
        ? candidates.map((fact) => stored.has(scoringFactId(fact)))
        : await Promise.all(candidates.map((fact) => deps.facts.exists(fact)));
    const facts = candidates.filter((_, index) => !present[index]);
    if (facts.length === 0) return 0;
    const ledger = facts.flatMap((fact) =>
      ledgerFor(fact, policy).map((line) => ({ ...line, at: ledgerTimeOf(fact) })),
    );
    const counters = pointChanges(ledger, () => unit.class);
    if (await deps.facts.record({ facts, ledger, counters })) return ledger.length;
  }
  return 0;
}

/**
 * Closes a month: per active unit, its quota line (met → base points, missed → a deduction per
 * missing item, by class) and a `missed` line for each 约稿 due in the month it was asked for
 * and did not answer. Idempotent per month: a rerun writes nothing again.
 */
export async function closeMonth(deps: MonthCloseDeps, scheduledTime: string, period?: string) {
  const month = closingMonth(scheduledTime, deps.now(), period);
  const year = Number(month.slice(0, 4));
  // What a rerun needs to see there is nothing left to do, in one round of Queries.
  const [units, due, stored] = await Promise.all([
    deps.units.list(),
    deps.commissionsDue(month),
    deps.facts.idsOfMonth(month),
  ]);
  const active = units.filter((unit) => unit.active).sort((a, b) => (a.id < b.id ? -1 : 1));
  const candidatesOf = (unit: Unit, submitted: number) =>
    monthCloseFacts(month, { unitId: unit.id, unitClass: unit.class, submitted }, asked(unit.id, due));
  // A fact's identity does not depend on the month's figures: the units with something to close.
  const open = active.filter((unit) =>
    candidatesOf(unit, 0).some((fact) => !stored.has(scoringFactId(fact))),
  );
  let lines = 0;
  let skipped = active.length - open.length;
  if (open.length > 0) {
    // Only a run with something to write reads the month's counters and the policy.
    const [submitted, policy] = await Promise.all([deps.submitted(month), deps.policy(year)]);
    // Units are independent (each closes in its own conditional transaction): a few at a time.
    await eachAtOnce(open, unitsAtOnce, async (unit) => {
      const written = await closeUnit(
        deps,
        unit,
        candidatesOf(unit, submitted.get(unit.id) ?? 0),
        policy,
        stored,
      );
      if (written === 0) skipped += 1;
      lines += written;
    });
  }
  return { job: monthCloseJob, period: month, units: active.length, lines, skipped };
}
