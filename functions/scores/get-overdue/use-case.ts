import { commissionUnitView } from '#shared/domain/commissions';
import { overdueReport } from '#shared/domain/overdue';
import { monthOf, yearOf } from '#shared/domain/periods';
import type { ScoresDeps } from '../deps';
import { feedbackOverdue } from './feedback-overdue';

/**
 * 督办: units silent, behind their quota pace, without adoptions this year, past a 约稿 deadline,
 * or owing a 批示's 落实反馈 past its due date.
 */
export async function getOverdue(deps: ScoresDeps) {
  return (await overdueFigures(deps)).report;
}

/** The report, and the 批示 feedback each unit owes (the weekly job tells the units' people). */
export async function overdueFigures(deps: ScoresDeps) {
  const now = deps.now();
  const year = Number(yearOf(now));
  const [units, month, yearCounts, lastYearCounts, policy, commissions] = await Promise.all([
    deps.units.list(),
    deps.counts(monthOf(now)),
    deps.counts(String(year)),
    deps.counts(String(year - 1)),
    deps.policy(year),
    deps.commissionsOfYear(year),
  ]);
  const feedback = await feedbackOverdue(deps, now, year, [yearCounts, lastYearCounts]);
  const missed = new Map<string, string[]>();
  for (const { topic, deadline, rows } of commissions) {
    for (const row of rows) {
      if (commissionUnitView(row, deadline, now).status !== 'missed') continue;
      missed.set(row.unitId, [...(missed.get(row.unitId) ?? []), topic]);
    }
  }
  const rows = overdueReport(
    units
      .filter((unit) => unit.active)
      .map((unit) => ({
        unitId: unit.id,
        name: unit.name,
        unitClass: unit.class,
        ...(unit.lastSubmittedAt ? { lastSubmittedAt: unit.lastSubmittedAt } : {}),
      })),
    {
      now,
      silentDays: policy.silentDays,
      quotaPerMonth: Object.fromEntries(policy.quotas.map((quota) => [quota.unitClass, quota.perMonth])),
      submittedThisMonth: new Map([...month].map(([unitId, counts]) => [unitId, counts.submitted])),
      adoptedThisYear: new Map([...yearCounts].map(([unitId, counts]) => [unitId, counts.adopted])),
      missedCommissions: missed,
      feedbackOverdue: feedback,
    },
  );
  const count = (status: string) => rows.filter((row) => row.status === status).length;
  const report = {
    asOf: now.toISOString(),
    red: count('red'),
    amber: count('amber'),
    green: count('green'),
    units: rows,
  };
  return { report, feedback };
}
