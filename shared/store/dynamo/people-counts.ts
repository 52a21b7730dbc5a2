import {
  monthsOfPeriod,
  type PersonCounter,
  type PersonPeriodCounts,
  type PersonUnitFigures,
  peopleCounts,
  personCounterNames,
} from '../../domain/person-ranking';
import { parsePeriod } from '../../domain/ranking';
import { type YearRows, yearRows } from './aggregates';
import type { TableRef } from './client';
import { DynamoPersonStore } from './people';
import { parsePersonAttribute } from './person-counters';

const isCounter = (name: string): name is PersonCounter =>
  (personCounterNames as readonly string[]).includes(name);

/** Every person's figures in a period under each unit, from the units' year rows (the months summed). */
export function personFiguresOf(rows: YearRows, period: string): PersonUnitFigures[] {
  const months = new Set(monthsOfPeriod(period));
  const figures = new Map<string, PersonUnitFigures>();
  for (const [unitId, row] of rows) {
    for (const [name, value] of Object.entries(row)) {
      if (typeof value !== 'number') continue;
      const attribute = parsePersonAttribute(name);
      if (!attribute || !months.has(attribute.month) || !isCounter(attribute.counter)) continue;
      const key = `${attribute.personId}#${unitId}`;
      const entry = figures.get(key) ?? {
        personId: attribute.personId,
        unitId,
        figures: { submitted: 0, adopted: 0, upperAdopted: 0, instructions: 0 },
      };
      entry.figures[attribute.counter] += value;
      figures.set(key, entry);
    }
  }
  return [...figures.values()];
}

/**
 * The 先进个人 figures of a period: the units' counter rows of the period's year (one Query of
 * `AGG#<year>`, as the unit ranking reads them) and the names of the people counted there (one
 * BatchGet of their records per 100 people).
 */
export async function periodPeopleCounts(table: TableRef, period: string): Promise<PersonPeriodCounts[]> {
  const parsed = parsePeriod(period);
  if (!parsed) return [];
  const figures = personFiguresOf(await yearRows(table, parsed.year), period);
  const people = await new DynamoPersonStore(table).many(figures.map((entry) => entry.personId));
  return peopleCounts(figures, new Map(people.map((person) => [person.personId, person])));
}
