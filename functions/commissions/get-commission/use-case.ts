import { tally, targets } from '#shared/domain/commissions';
import { isUnitBound, type Principal } from '#shared/domain/roles';
import type { Commission } from '#shared/schemas/commissions';
import type { CommissionsDeps } from '../deps';
import { commissionNotFound, summaryOf, unitView } from '../views';

/**
 * A commission with its per-unit status. Staff see every unit; a reporter (should a route ever
 * admit one) sees only its own unit's row, and a commission that does not ask it is "not found".
 */
export async function getCommission(
  deps: CommissionsDeps,
  principal: Principal,
  commissionId: string,
): Promise<Commission> {
  const found = await deps.commissions.get(commissionId);
  if (!found) throw commissionNotFound(commissionId);
  const rows = isUnitBound(principal)
    ? found.units.filter((row) => row.unitId === principal.unitId)
    : found.units;
  if (isUnitBound(principal) && !targets(rows, principal.unitId)) throw commissionNotFound(commissionId);
  const now = deps.now();
  const names = new Map((await deps.units.list()).map((unit) => [unit.id, unit.name]));
  const units = rows
    .map((row) => unitView(row, found.commission.deadline, now, names.get(row.unitId)))
    .sort((a, b) => a.unitId.localeCompare(b.unitId));
  return {
    ...summaryOf(found.commission, now),
    counts: tally(units.map((unit) => unit.status)),
    units,
  };
}
