import { monthOf } from '#shared/domain/periods';
import { defaultPolicy } from '#shared/domain/scoring/defaults';
import type { ScoringPolicy } from '#shared/schemas/policy';
import type { Unit } from '#shared/schemas/units';
import { periodCounts } from '#shared/store/dynamo/aggregates';
import type { TableRef } from '#shared/store/dynamo/client';
import { DynamoCommissionStore, type StoredCommissionUnit } from '#shared/store/dynamo/commissions';
import { DynamoPolicyStore } from '#shared/store/dynamo/policy';
import { DynamoScoringFactStore } from '#shared/store/dynamo/scoring-facts';
import { DynamoUnitStore } from '#shared/store/dynamo/units';

export interface DueCommission {
  commissionId: string;
  topic: string;
  deadline: string;
  rows: StoredCommissionUnit[];
}

export interface MonthCloseDeps {
  units: { list(): Promise<Unit[]> };
  /** Items each unit submitted in the month: the month's counters (one Query, never a Scan of items). */
  submitted: (month: string) => Promise<Map<string, number>>;
  /** The 约稿 due in a month (deadline in it, Asia/Shanghai) with every asked unit's row. */
  commissionsDue: (month: string) => Promise<DueCommission[]>;
  policy: (year: number) => Promise<ScoringPolicy>;
  /** `idsOfMonth`: the month's stored facts in one Query, so a rerun reads no fact one by one. */
  facts: Pick<DynamoScoringFactStore, 'exists' | 'record' | 'idsOfMonth'>;
  now: () => Date;
}

export function monthCloseDeps(table: TableRef): MonthCloseDeps {
  const commissions = new DynamoCommissionStore(table);
  const policies = new DynamoPolicyStore(table);
  return {
    units: new DynamoUnitStore(table),
    submitted: async (month) =>
      new Map([...(await periodCounts(table, month))].map(([unitId, counts]) => [unitId, counts.submitted])),
    commissionsDue: async (month) => {
      // The year's list is one Query; only the commissions due in the month have their rows read.
      const list = (await commissions.ofYear(Number(month.slice(0, 4)))).filter(
        (commission) => monthOf(new Date(commission.deadline)) === month,
      );
      const full = await Promise.all(list.map((commission) => commissions.get(commission.commissionId)));
      return full.flatMap((entry) =>
        entry
          ? [
              {
                commissionId: entry.commission.commissionId,
                topic: entry.commission.topic,
                deadline: entry.commission.deadline,
                rows: entry.units,
              },
            ]
          : [],
      );
    },
    policy: async (year) => (await policies.latest(year, true)) ?? defaultPolicy(year),
    facts: new DynamoScoringFactStore(table),
    now: () => new Date(),
  };
}
