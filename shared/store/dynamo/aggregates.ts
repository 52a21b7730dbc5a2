import type { PeriodCounts } from '../../domain/ranking';
import type { TableRef } from './client';
import { queryAll } from './query';

/** Every counter of every unit in one period (breakdowns included): one Query on `AGG#<period>`. */
export async function periodRows(
  table: TableRef,
  period: string,
): Promise<Map<string, Record<string, number>>> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `AGG#${period}` },
  });
  const rows = new Map<string, Record<string, number>>();
  for (const item of items) {
    const counters: Record<string, number> = {};
    for (const [name, value] of Object.entries(item)) if (typeof value === 'number') counters[name] = value;
    rows.set(String(item.unitId), counters);
  }
  return rows;
}

/** The per-unit counters a ranking needs, from one Query (never a Scan). */
export async function periodCounts(table: TableRef, period: string): Promise<Map<string, PeriodCounts>> {
  const rows = await periodRows(table, period);
  const counts = new Map<string, PeriodCounts>();
  for (const [unitId, row] of rows) {
    counts.set(unitId, {
      submitted: row.submitted ?? 0,
      adopted: row.adopted ?? 0,
      upperAdopted: row.upperAdopted ?? 0,
      instructions: row.instructions ?? 0,
      points: row.points ?? 0,
    });
  }
  return counts;
}
