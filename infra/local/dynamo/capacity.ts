import type { Action } from './transact-request';
import type { Json } from './types';

/**
 * ConsumedCapacity for a transaction, when asked for. Approximate (transactions cost twice the
 * units: 1 KB per write unit, 4 KB per read unit); nothing locally is throttled on it.
 */
export function consumedCapacity(
  mode: unknown,
  actions: readonly Action[],
  kind: 'Write' | 'Read',
): Json[] | undefined {
  if (mode !== 'TOTAL' && mode !== 'INDEXES') return undefined;
  const perTable = new Map<string, number>();
  const unitBytes = kind === 'Write' ? 1024 : 4096;
  for (const action of actions) {
    const units = 2 * Math.max(1, Math.ceil(action.size / unitBytes));
    perTable.set(action.tableName, (perTable.get(action.tableName) ?? 0) + units);
  }
  return [...perTable].map(([TableName, units]) => ({
    TableName,
    CapacityUnits: units,
    [`${kind}CapacityUnits`]: units,
    ...(mode === 'INDEXES' ? { Table: { CapacityUnits: units, [`${kind}CapacityUnits`]: units } } : {}),
  }));
}
