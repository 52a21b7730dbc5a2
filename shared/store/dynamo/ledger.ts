import type { PersonActor } from '../../domain/actor';
import { periodsOf } from '../../domain/periods';
import { parsePeriod } from '../../domain/ranking';
import type { LedgerLine } from '../../domain/scoring/index';
import type { TableRef } from './client';
import { keys } from './keys';
import { type PersonCounterChange, personAttribute } from './person-counters';
import { queryAll } from './query';
import type { TransactItem } from './transactions';

/** A counter change for one unit in one period; several facts' changes merge into one Update. */
export interface CounterChange {
  unitId: string;
  unitClass: string;
  /** Month `2026-11`, quarter `2026-Q4` or year `2026`. */
  period: string;
  /**
   * Counter → amount: `submitted`, `adopted`, `upperAdopted`, `instructions`, `points`, and the
   * breakdowns `upperBy:<publicationId>` and `instructionsBy:<level>` for the annual statistics.
   */
  add: Record<string, number>;
}

/** The counters a ranking orders by: the ones also kept as the next year's "previous period". */
export const rankedCounters: ReadonlySet<string> = new Set([
  'submitted',
  'adopted',
  'upperAdopted',
  'instructions',
  'points',
]);

/** A counter's attribute in its year row: `2026-11:points`, `2026-Q4:submitted`, `2026:adopted`. */
export const counterAttribute = (period: string, counter: string) => `${period}:${counter}`;

/**
 * The year rows a period's counters are kept in: its own year's, and — for the last month, the
 * last quarter and the year itself, whose next period begins a new year — the next year's too
 * (ranked counters only), so the first period of a year finds its previous period in its own row.
 */
export function counterYears(period: string): { year: string; carriedTo?: string } {
  const parsed = parsePeriod(period);
  if (!parsed) throw new Error(`not a counter period: ${period}`);
  const last =
    parsed.kind === 'year' ||
    (parsed.kind === 'quarter' && parsed.index === 4) ||
    (parsed.kind === 'month' && parsed.index === 12);
  return { year: String(parsed.year), ...(last ? { carriedTo: String(parsed.year + 1) } : {}) };
}

/** The counter rows (`<unitId>#<year>`) a change updates: one or two. */
export function counterRowsOf(change: Pick<CounterChange, 'unitId' | 'period'>): string[] {
  const { year, carriedTo } = counterYears(change.period);
  return [year, ...(carriedTo ? [carriedTo] : [])].map((rowYear) => `${change.unitId}#${rowYear}`);
}

/**
 * One Update per unit and year row (a transaction may touch each row once), adding every counter
 * the facts of this transaction change, as attributes named by period — the score included, so
 * a ranking never drifts from the ledger lines written beside it. A change in December, the
 * fourth quarter or the year adds its ranked counters to the next year's row as well.
 *
 * The 先进个人 figures of the persons the same facts credit (`people`) ride on the same Updates:
 * each on the year row of the unit crediting them, which the unit's own changes always update
 * (a person's figures never move without their unit's); never carried to the next year (the
 * people ranking shows no change since the previous period).
 */
export function counterUpdates(
  tableName: string,
  changes: CounterChange[],
  people: readonly PersonCounterChange[] = [],
): TransactItem[] {
  const rows = new Map<
    string,
    { unitId: string; unitClass: string; year: string; add: Map<string, number> }
  >();
  const addTo = (change: CounterChange, year: string, name: string, value: number) => {
    const key = `${change.unitId}#${year}`;
    const row = rows.get(key) ?? { unitId: change.unitId, unitClass: change.unitClass, year, add: new Map() };
    const attribute = counterAttribute(change.period, name);
    row.add.set(attribute, Math.round(((row.add.get(attribute) ?? 0) + value) * 100) / 100);
    rows.set(key, row);
  };
  for (const change of changes) {
    const { year, carriedTo } = counterYears(change.period);
    for (const [name, value] of Object.entries(change.add)) {
      addTo(change, year, name, value);
      if (carriedTo && rankedCounters.has(name)) addTo(change, carriedTo, name, value);
    }
  }
  for (const change of people) {
    const row = rows.get(`${change.unitId}#${change.month.slice(0, 4)}`);
    if (!row) throw new Error(`a person's counters without their unit's: ${change.unitId} ${change.month}`);
    for (const [name, value] of Object.entries(change.add)) {
      if (!value) continue;
      const attribute = personAttribute(change.personId, change.month, name);
      row.add.set(attribute, (row.add.get(attribute) ?? 0) + value);
    }
  }
  return [...rows.values()].map((row) => {
    const fields = [...row.add];
    const values: Record<string, unknown> = {
      ':unit': row.unitId,
      ':class': row.unitClass,
      ':year': row.year,
    };
    const names: Record<string, string> = { '#year': 'year' };
    fields.forEach(([name, value], index) => {
      values[`:v${index}`] = value;
      names[`#c${index}`] = name;
    });
    return {
      Update: {
        TableName: tableName,
        Key: keys.aggregate(row.year, row.unitId),
        UpdateExpression: `ADD ${fields.map((_, index) => `#c${index} :v${index}`).join(', ')} SET unitId = :unit, unitClass = :class, #year = :year`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });
}

export interface StoredLedgerLine extends LedgerLine {
  at: string;
  /** The person whose action wrote the line (absent for `xb_` token calls, jobs and earlier lines). */
  byPerson?: PersonActor;
}

const ledgerKey = (line: StoredLedgerLine) => ({
  pk: `LEDGER#${line.unitId}`,
  sk: `ENTRY#${line.at}#${line.rule}#${line.refId}`,
});

/**
 * Ledger lines are append-only; each is written in the transaction of the fact it scores, naming
 * the person whose action it was when a person acted.
 */
export function ledgerPuts(
  tableName: string,
  lines: StoredLedgerLine[],
  byPerson?: PersonActor,
): TransactItem[] {
  // A line computed from earlier lines (a withdrawal's reversal) names who acted now, not then.
  return lines.map(({ byPerson: _earlier, ...line }) => ({
    Put: {
      TableName: tableName,
      Item: { ...ledgerKey(line), type: 'ledger', ...line, ...(byPerson ? { byPerson } : {}) },
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
