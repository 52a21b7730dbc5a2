/**
 * The 批示 whose 落实反馈 is past due, per credited unit. 批示 rows live in their item's partition,
 * so they are reached without a Scan: the year counters say which units had a 批示, each such
 * unit's ledger (one Query) names the items (`instruction:*` lines), and each item's facts are one
 * Query. 批示 of last year are included, since their feedback may fall due this year.
 */
import type { OverdueFeedback } from '#shared/domain/overdue';
import { shanghaiDate } from '#shared/domain/periods';
import type { PeriodCounts } from '#shared/domain/ranking';
import type { ScoresDeps } from '../deps';

export async function feedbackOverdue(
  deps: Pick<ScoresDeps, 'ledger' | 'instructionsOfItem'>,
  now: Date,
  year: number,
  yearCounts: Map<string, PeriodCounts>[],
): Promise<Map<string, OverdueFeedback[]>> {
  const today = shanghaiDate(now);
  const unitsWithInstructions = new Set(
    yearCounts.flatMap((counts) =>
      [...counts].filter(([, count]) => count.instructions > 0).map(([unitId]) => unitId),
    ),
  );
  const from = new Date(`${year - 1}-01-01T00:00:00+08:00`).toISOString();
  const ledgers = await Promise.all(
    [...unitsWithInstructions].map((unitId) => deps.ledger(unitId, from, now.toISOString())),
  );
  const itemIds = new Set(
    ledgers.flat().flatMap((line) => (line.rule.startsWith('instruction:') ? [line.refId] : [])),
  );
  const instructions = (
    await Promise.all([...itemIds].map((itemId) => deps.instructionsOfItem(itemId)))
  ).flat();
  const owed = new Map<string, OverdueFeedback[]>();
  for (const instruction of instructions.sort((a, b) => a.feedbackDue.localeCompare(b.feedbackDue))) {
    if (instruction.feedbackDate || instruction.feedbackDue >= today) continue;
    for (const unitId of instruction.units) {
      owed.set(unitId, [
        ...(owed.get(unitId) ?? []),
        {
          leader: instruction.leader,
          feedbackDue: instruction.feedbackDue,
          instructionId: instruction.instructionId,
          itemId: instruction.itemId,
        },
      ]);
    }
  }
  return owed;
}
