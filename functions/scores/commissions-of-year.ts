import type { DynamoCommissionStore } from '#shared/store/dynamo/commissions';
import type { CommissionWithRows } from './deps';

/** A year's 约稿 with their per-unit rows, as the overdue report reads them (the scores function and the mail jobs). */
export function commissionsOfYear(commissions: DynamoCommissionStore) {
  return async (year: number): Promise<CommissionWithRows[]> => {
    const list = await commissions.ofYear(year);
    const full = await Promise.all(list.map((commission) => commissions.get(commission.commissionId)));
    return full.flatMap((entry) =>
      entry
        ? [{ topic: entry.commission.topic, deadline: entry.commission.deadline, rows: entry.units }]
        : [],
    );
  };
}
