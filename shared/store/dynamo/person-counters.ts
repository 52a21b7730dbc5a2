import { monthOf } from '../../domain/periods';
import type { PersonCounter, PersonCredit } from '../../domain/person-ranking';

/**
 * The 先进个人 figures are kept on the counter row of the unit that credits them (`AGG#<year>` /
 * `UNIT#<unitId>`), as attributes `person:<personId>:<month>:<counter>` — by month only (a
 * quarter or a year is the sum of its months), and only ever added to, in the same Update that
 * moves the unit's own figures: a person's figures cost no action of their own in any transaction.
 * (The unit's own attributes begin with their period, so a reader of a period's unit figures
 * never sees these.)
 */
export interface PersonCounterChange {
  personId: string;
  /** The unit whose counter row holds the figures: the unit the item credits for this person. */
  unitId: string;
  /** The month (`2026-11`, Asia/Shanghai) of the counted moment. */
  month: string;
  add: Partial<Record<PersonCounter, number>>;
}

export const personAttributePrefix = 'person:';

/** `person:<personId>:<month>:<counter>` on the unit's year row. */
export const personAttribute = (personId: string, month: string, counter: string) =>
  `${personAttributePrefix}${personId}:${month}:${counter}`;

/** A person attribute's parts; undefined for any other attribute of the row. */
export function parsePersonAttribute(
  name: string,
): { personId: string; month: string; counter: string } | undefined {
  if (!name.startsWith(personAttributePrefix)) return undefined;
  const parts = name.slice(personAttributePrefix.length).split(':');
  const counter = parts.pop();
  const month = parts.pop();
  const personId = parts.join(':');
  if (!counter || !month || !personId) return undefined;
  return { personId, month, counter };
}

/** The changes of one counted moment for each credited person, under the unit crediting them. */
export function personChangesAt(
  credits: readonly PersonCredit[],
  at: Date,
  add: Partial<Record<PersonCounter, number>>,
): PersonCounterChange[] {
  const month = monthOf(at);
  return credits.map((credit) => ({ personId: credit.personId, unitId: credit.unitId, month, add }));
}
