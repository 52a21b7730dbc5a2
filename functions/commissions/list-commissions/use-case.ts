import { yearOf } from '#shared/domain/periods';
import type { CommissionSummary } from '#shared/schemas/commissions';
import type { CommissionsDeps } from '../deps';
import { summaryOf } from '../views';

/** A year's commissions, open and closed, by deadline (staff only). */
export async function listCommissions(
  deps: CommissionsDeps,
  query: { year?: string | undefined },
): Promise<{ year: number; commissions: CommissionSummary[] }> {
  const now = deps.now();
  const year = Number(query.year ?? yearOf(now));
  const stored = await deps.commissions.ofYear(year);
  const commissions = stored
    .map((commission) => summaryOf(commission, now))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.commissionId.localeCompare(b.commissionId));
  return { year, commissions };
}
