import type { PersonActor } from '../../domain/actor';
import { periodsOf } from '../../domain/periods';
import type { PersonPeriodCounts } from '../../domain/person-ranking';
import type { TableRef } from './client';
import { counterAttribute, counterYears } from './ledger';
import { queryAll } from './query';
import type { TransactItem } from './transactions';

/**
 * Per-person counters for the 先进个人 ranking, kept like the units' ones: one row per person and
 * year (`PAGG#<year>` / `PERSON#<personId>`), attributes named by period (`2026-11:adopted`),
 * only ever added to, in the same transaction as the fact they count.
 */
export interface PersonCounterChange {
  person: PersonActor;
  unitId: string;
  /** Month `2026-11`, quarter `2026-Q4` or year `2026`. */
  period: string;
  /** `submitted`, `adopted`, `upperAdopted`, `instructions`. */
  add: Record<string, number>;
}

export const personAggregateKey = (year: string, personId: string) => ({
  pk: `PAGG#${year}`,
  sk: `PERSON#${personId}`,
});

/** The changes of one counted moment: the same counters in its month, quarter and year. */
export function personChangesAt(
  person: PersonActor | undefined,
  unitId: string,
  at: Date,
  add: Record<string, number>,
): PersonCounterChange[] {
  return person ? periodsOf(at).map((period) => ({ person, unitId, period, add })) : [];
}

/** One Update per person and year row (a transaction may touch each row once). */
export function personCounterUpdates(tableName: string, changes: PersonCounterChange[]): TransactItem[] {
  const rows = new Map<
    string,
    { person: PersonActor; unitId: string; year: string; add: Map<string, number> }
  >();
  for (const change of changes) {
    const { year } = counterYears(change.period);
    const key = `${change.person.personId}#${year}`;
    const row = rows.get(key) ?? { person: change.person, unitId: change.unitId, year, add: new Map() };
    for (const [name, value] of Object.entries(change.add)) {
      const attribute = counterAttribute(change.period, name);
      row.add.set(attribute, (row.add.get(attribute) ?? 0) + value);
    }
    rows.set(key, row);
  }
  return [...rows.values()]
    .filter((row) => row.add.size > 0)
    .map((row) => {
      const fields = [...row.add];
      const names: Record<string, string> = { '#year': 'year', '#name': 'name' };
      const values: Record<string, unknown> = {
        ':person': row.person.personId,
        ':name': row.person.name,
        ':unit': row.unitId,
        ':year': row.year,
      };
      fields.forEach(([name, value], index) => {
        names[`#c${index}`] = name;
        values[`:v${index}`] = value;
      });
      return {
        Update: {
          TableName: tableName,
          Key: personAggregateKey(row.year, row.person.personId),
          UpdateExpression: `ADD ${fields.map((_, index) => `#c${index} :v${index}`).join(', ')} SET personId = :person, #name = :name, unitId = :unit, #year = :year`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      };
    });
}

/** Every person's counters in a period: one Query of the period's year (`PAGG#<year>`). */
export async function personPeriodCounts(table: TableRef, period: string): Promise<PersonPeriodCounts[]> {
  const { year } = counterYears(period);
  const items = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `PAGG#${year}` },
  });
  const counts: PersonPeriodCounts[] = [];
  for (const item of items) {
    const value = (name: string) => {
      const found = item[`${period}:${name}`];
      return typeof found === 'number' ? found : 0;
    };
    const row = {
      personId: String(item.personId),
      name: String(item.name),
      unitId: String(item.unitId),
      submitted: value('submitted'),
      adopted: value('adopted'),
      upperAdopted: value('upperAdopted'),
      instructions: value('instructions'),
    };
    if (row.submitted || row.adopted || row.upperAdopted || row.instructions) counts.push(row);
  }
  return counts;
}
