import { isUnitBound, type Principal } from '#shared/domain/roles';
import { NotFoundError } from '#shared/errors';
import type { UnitCommission } from '#shared/schemas/commissions';
import type { CommissionsDeps } from '../deps';
import { unitCommissionOf } from '../views';

function unitNotFound(unitId: string): NotFoundError {
  return new NotFoundError('UNIT_NOT_FOUND', `找不到单位“${unitId}”`);
}

/**
 * The commissions that ask one unit, each with that unit's status only. A reporter reaches only
 * its own unit; another unit is "not found", never "forbidden".
 */
export async function listUnitCommissions(
  deps: CommissionsDeps,
  principal: Principal,
  unitId: string,
): Promise<{ unitId: string; commissions: UnitCommission[] }> {
  if (isUnitBound(principal) && principal.unitId !== unitId) throw unitNotFound(unitId);
  const unit = await deps.units.get(unitId);
  if (!unit) throw unitNotFound(unitId);
  const now = deps.now();
  const rows = await deps.commissions.ofUnit(unitId);
  const commissions = rows
    .map((row) => unitCommissionOf(row, now))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.commissionId.localeCompare(b.commissionId));
  return { unitId, commissions };
}
