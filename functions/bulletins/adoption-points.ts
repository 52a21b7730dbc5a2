import { periodsOf } from '#shared/domain/periods';
import { ledgerFor, signedPoints, toCents } from '#shared/domain/scoring/index';
import { issueLabel } from '#shared/domain/series';
import type { Bulletin } from '#shared/schemas/bulletins';
import type { Item } from '#shared/schemas/items';
import type { ScoringPolicy } from '#shared/schemas/policy';
import type { CounterChange, StoredLedgerLine } from '#shared/store/dynamo/ledger';

/** The rule of a line that takes back an adoption line (`series:zwxx` → `series:zwxx:withdrawn`). */
const withdrawnRule = (rule: string) => `${rule}:withdrawn`;

/** Is this stored line an adoption line of an issue (not its reversal)? */
export const isAdoptionLine = (line: Pick<StoredLedgerLine, 'rule'>) =>
  line.rule.startsWith('series:') && !line.rule.endsWith(':withdrawn');

/** What the adoptions earn: ledger lines under the year's policy, and the counters they move. */
export function scoreAdoptions(
  items: Item[],
  label: string,
  seriesId: string,
  at: Date,
  policy: ScoringPolicy,
  unitClasses: Map<string, string>,
) {
  const when = at.toISOString();
  const ledger = items.flatMap((item) =>
    ledgerFor(
      {
        kind: 'adopted',
        itemId: item.itemId,
        bulletinLabel: label,
        seriesId,
        units: [item.unitId, ...item.coUnits].map((unitId) => ({ unitId })),
        at: when,
      },
      policy,
    ).map((line) => ({ ...line, at: when })),
  );
  const counters: CounterChange[] = [];
  for (const item of items) {
    for (const unitId of [item.unitId, ...item.coUnits]) {
      const points = ledger
        .filter((line) => line.unitId === unitId && line.refId === item.itemId)
        .reduce((sum, line) => sum + line.points, 0);
      for (const period of periodsOf(at)) {
        counters.push({
          unitId,
          unitClass: unitClasses.get(unitId) ?? 'unknown',
          period,
          add: { adopted: 1, points },
        });
      }
    }
  }
  return { ledger, counters };
}

/**
 * What withdrawing an issue takes back: for each adoption line it earned (as stored now, after
 * any replay), a line with the opposite points, and one adoption less per credited unit. The
 * lines are dated at the publication, like the lines they cancel, so every month, quarter and
 * year counts exactly what a replay (which no longer sees the withdrawn issue) would count.
 */
export function reverseAdoptions(
  issue: Bulletin,
  stored: readonly StoredLedgerLine[],
  unitClasses: Map<string, string>,
) {
  const at = issue.publishedAt;
  if (!at) return { ledger: [], counters: [] };
  const label = `${issueLabel(issue)}撤回`;
  const ledger: StoredLedgerLine[] = [];
  const counters: CounterChange[] = [];
  for (const entry of issue.items) {
    for (const unitId of [entry.unitId, ...entry.coUnits]) {
      const earned = stored.filter(
        (line) =>
          line.unitId === unitId && line.refId === entry.itemId && line.at === at && isAdoptionLine(line),
      );
      let cents = 0;
      for (const line of earned) {
        const taken = -toCents(line.points);
        if (taken === 0) continue;
        cents += taken;
        ledger.push({
          ...line,
          rule: withdrawnRule(line.rule),
          points: taken / 100,
          reason: `${label} ${signedPoints(taken)}`,
        });
      }
      for (const period of periodsOf(new Date(at))) {
        counters.push({
          unitId,
          unitClass: unitClasses.get(unitId) ?? 'unknown',
          period,
          add: { adopted: -1, points: cents / 100 },
        });
      }
    }
  }
  return { ledger, counters };
}
