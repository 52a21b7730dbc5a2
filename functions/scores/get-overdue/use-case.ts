import { commissionUnitView } from '#shared/domain/commissions';
import { overdueReport } from '#shared/domain/overdue';
import { monthOf, yearOf } from '#shared/domain/periods';
import type { ScoresDeps } from '../deps';

/** 督办: units silent, behind their quota pace, without adoptions this year, or past a 约稿 deadline. */
export async function getOverdue(deps: ScoresDeps) {
  const now = deps.now();
  const year = Number(yearOf(now));
  const [units, month, yearCounts, policy, commissions] = await Promise.all([
    deps.units.list(),
    deps.counts(monthOf(now)),
    deps.counts(String(year)),
    deps.policy(year),
    deps.commissionsOfYear(year),
  ]);
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
    },
  );
  const count = (status: string) => rows.filter((row) => row.status === status).length;
  return {
    asOf: now.toISOString(),
    red: count('red'),
    amber: count('amber'),
    green: count('green'),
    units: rows,
  };
}
