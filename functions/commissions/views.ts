import { commissionUnitView, isOpen } from '#shared/domain/commissions';
import { NotFoundError } from '#shared/errors';
import type { CommissionSummary, CommissionUnit, UnitCommission } from '#shared/schemas/commissions';
import type { StoredCommission, StoredCommissionUnit } from '#shared/store/dynamo/commissions';

export function commissionNotFound(commissionId: string): NotFoundError {
  return new NotFoundError('COMMISSION_NOT_FOUND', `找不到约稿“${commissionId}”`);
}

export function unitView(
  row: StoredCommissionUnit,
  deadline: string,
  now: Date,
  unitName?: string,
): CommissionUnit {
  return {
    unitId: row.unitId,
    ...(unitName ? { unitName } : {}),
    ...commissionUnitView(row, deadline, now),
  };
}

export function summaryOf(commission: StoredCommission, now: Date): CommissionSummary {
  return {
    commissionId: commission.commissionId,
    topic: commission.topic,
    requirements: commission.requirements,
    deadline: commission.deadline,
    year: commission.year,
    targetAll: commission.targetAll,
    open: isOpen(commission.deadline, now),
    createdAt: commission.createdAt,
    createdBy: commission.createdBy,
    unitCount: commission.unitCount,
  };
}

/** A unit's view: the commission (from the fields its row carries) and that unit's row only. */
export function unitCommissionOf(row: StoredCommissionUnit, now: Date): UnitCommission {
  return {
    commissionId: row.commissionId,
    topic: row.topic,
    requirements: row.requirements,
    deadline: row.deadline,
    year: row.year,
    targetAll: row.targetAll,
    open: isOpen(row.deadline, now),
    createdAt: row.createdAt,
    unit: unitView(row, row.deadline, now),
  };
}
