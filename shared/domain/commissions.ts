/**
 * 约稿 (commissions): the pure rules. A unit's row is stored as `pending` or `answered`; what
 * people see — pending, answered on time, late, missed — is computed here at read time.
 */
import { yearOf } from './periods';

/** What a unit's row says to people: `answered` is answered on time. */
export const commissionUnitStatuses = ['pending', 'answered', 'late', 'missed'] as const;
export type CommissionUnitStatus = (typeof commissionUnitStatuses)[number];

export const commissionUnitStatusLabels: Record<CommissionUnitStatus, string> = {
  pending: '待报送',
  answered: '按时报送',
  late: '逾期报送',
  missed: '未报送（已逾期）',
};

/** The row as stored: the submit transaction turns `pending` into `answered`, once. */
export interface StoredCommissionAnswer {
  status: 'pending' | 'answered';
  itemId?: string | undefined;
  answeredAt?: string | undefined;
}

export interface CommissionUnitView {
  status: CommissionUnitStatus;
  itemId?: string;
  answeredAt?: string;
  onTime?: boolean;
}

/** On time means answered no later than the deadline (the deadline instant itself counts). */
export function answeredOnTime(answeredAt: string, deadline: string): boolean {
  return Date.parse(answeredAt) <= Date.parse(deadline);
}

export function isOpen(deadline: string, now: Date): boolean {
  return now.getTime() <= Date.parse(deadline);
}

/** pending → missed once the deadline has passed; answered → on time or late by `answeredAt`. */
export function commissionUnitView(
  row: StoredCommissionAnswer,
  deadline: string,
  now: Date,
): CommissionUnitView {
  if (row.status === 'answered' && row.answeredAt) {
    const onTime = answeredOnTime(row.answeredAt, deadline);
    return {
      status: onTime ? 'answered' : 'late',
      ...(row.itemId ? { itemId: row.itemId } : {}),
      answeredAt: row.answeredAt,
      onTime,
    };
  }
  return { status: isOpen(deadline, now) ? 'pending' : 'missed' };
}

export type CommissionTally = Record<CommissionUnitStatus, number>;

export function tally(statuses: readonly CommissionUnitStatus[]): CommissionTally {
  const counts: CommissionTally = { pending: 0, answered: 0, late: 0, missed: 0 };
  for (const status of statuses) counts[status] += 1;
  return counts;
}

/** A Chinese reason when the deadline cannot be accepted, else undefined. */
export function deadlineProblem(deadline: string, now: Date): string | undefined {
  const at = Date.parse(deadline);
  if (Number.isNaN(at)) return '约稿截止时间格式不正确';
  if (at <= now.getTime()) return '约稿截止时间必须晚于当前时间，不能设在过去';
  return undefined;
}

/** Commissions are filed under the (Asia/Shanghai) year of their deadline. */
export function commissionYear(deadline: string): number {
  return Number(yearOf(new Date(deadline)));
}

export interface TargetUnit {
  id: string;
  active: boolean;
}

export type TargetResolution =
  | { ok: true; unitIds: string[] }
  | { ok: false; unknown: string[]; inactive: string[] };

/**
 * The units a commission asks: `all` is every active unit; a list must name existing, active
 * units (duplicates are folded). The result is sorted so stored rows do not depend on input order.
 */
export function resolveTargets(
  requested: readonly string[] | 'all',
  units: readonly TargetUnit[],
): TargetResolution {
  if (requested === 'all') {
    return {
      ok: true,
      unitIds: units
        .filter((unit) => unit.active)
        .map((unit) => unit.id)
        .sort(),
    };
  }
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const wanted = [...new Set(requested)].sort();
  const unknown = wanted.filter((id) => !byId.has(id));
  const inactive = wanted.filter((id) => byId.get(id)?.active === false);
  if (unknown.length > 0 || inactive.length > 0) return { ok: false, unknown, inactive };
  return { ok: true, unitIds: wanted };
}

/** Whether a unit is among a commission's targets (its rows). */
export function targets(rows: readonly { unitId: string }[], unitId: string): boolean {
  return rows.some((row) => row.unitId === unitId);
}
