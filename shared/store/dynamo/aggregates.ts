import type { PeriodCounts } from '../../domain/ranking';
import type { TableRef } from './client';
import { queryAll } from './query';

/** The per-unit counters of one period: one Query on `AGG#<period>` (a row per unit), never a Scan. */
export async function periodCounts(table: TableRef, period: string): Promise<Map<string, PeriodCounts>> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `AGG#${period}` },
  });
  const counts = new Map<string, PeriodCounts>();
  for (const item of items) {
    counts.set(String(item.unitId), {
      submitted: Number(item.submitted ?? 0),
      adopted: Number(item.adopted ?? 0),
      upperAdopted: Number(item.upperAdopted ?? 0),
      instructions: Number(item.instructions ?? 0),
      points: Number(item.points ?? 0),
    });
  }
  return counts;
}
