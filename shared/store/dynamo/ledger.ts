import { periodsOf } from '../../domain/periods';
import type { LedgerLine } from '../../domain/scoring/index';
import type { TableRef } from './client';
import { keys } from './keys';
import { queryAll } from './query';
import type { TransactItem } from './transactions';

/** A counter change for one unit in one period; several facts' changes merge into one Update. */
export interface CounterChange {
  unitId: string;
  unitClass: string;
  period: string;
  /**
   * Counter → amount: `submitted`, `adopted`, `upperAdopted`, `instructions`, `points`, and the
   * breakdowns `upperBy:<publicationId>` and `instructionsBy:<level>` for the annual statistics.
   */
  add: Record<string, number>;
}

/**
 * One Update per unit and period (a transaction may touch each row once), adding every counter
 * the facts of this transaction change — the score included, so a ranking never drifts from
 * the ledger lines written beside it.
 */
export function counterUpdates(tableName: string, changes: CounterChange[]): TransactItem[] {
  const merged = new Map<string, CounterChange>();
  for (const change of changes) {
    const key = `${change.unitId}#${change.period}`;
    const current = merged.get(key) ?? { ...change, add: {} };
    for (const [name, value] of Object.entries(change.add)) {
      current.add[name] = Math.round(((current.add[name] ?? 0) + value) * 100) / 100;
    }
    merged.set(key, current);
  }
  return [...merged.values()].map((change) => {
    const fields = Object.entries(change.add);
    const values: Record<string, unknown> = {
      ':unit': change.unitId,
      ':class': change.unitClass,
      ':period': change.period,
    };
    const names: Record<string, string> = {};
    fields.forEach(([name, value], index) => {
      values[`:v${index}`] = value;
      names[`#c${index}`] = name;
    });
    return {
      Update: {
        TableName: tableName,
        Key: keys.aggregate(change.period, change.unitId),
        UpdateExpression: `ADD ${fields.map((_, index) => `#c${index} :v${index}`).join(', ')} SET unitId = :unit, unitClass = :class, period = :period`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });
}

export interface StoredLedgerLine extends LedgerLine {
  at: string;
}

const ledgerKey = (line: StoredLedgerLine) => ({
  pk: `LEDGER#${line.unitId}`,
  sk: `ENTRY#${line.at}#${line.rule}#${line.refId}`,
});

/** Ledger lines are append-only; each is written in the transaction of the fact it scores. */
export function ledgerPuts(tableName: string, lines: StoredLedgerLine[]): TransactItem[] {
  return lines.map((line) => ({
    Put: {
      TableName: tableName,
      Item: { ...ledgerKey(line), type: 'ledger', ...line },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }));
}

/** A unit's ledger lines between two moments (ISO), oldest first: one Query. */
export async function ledgerOf(
  table: TableRef,
  unitId: string,
  from: string,
  to: string,
): Promise<StoredLedgerLine[]> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': `LEDGER#${unitId}`, ':from': `ENTRY#${from}`, ':to': `ENTRY#${to}` },
  });
  return items.map((item) => {
    const { pk: _pk, sk: _sk, type: _type, ...line } = item;
    return line as unknown as StoredLedgerLine;
  });
}

/** The `points` each line moves: one change per unit and period of the line's moment. */
export function pointChanges(
  lines: readonly StoredLedgerLine[],
  unitClassOf: (unitId: string) => string,
): CounterChange[] {
  return lines.flatMap((line) =>
    periodsOf(new Date(line.at)).map((period) => ({
      unitId: line.unitId,
      unitClass: unitClassOf(line.unitId),
      period,
      add: { points: line.points },
    })),
  );
}
