import { personOf } from '#shared/domain/actor';
import { newId } from '#shared/domain/ids';
import { creditedPeople } from '#shared/domain/person-ranking';
import type { Principal } from '#shared/domain/roles';
import { instructionLevelLabels, ledgerFor } from '#shared/domain/scoring/index';
import { NotFoundError, UnprocessableError } from '#shared/errors';
import type { InstructionBody, InstructionView } from '#shared/schemas/facts';
import { personChangesAt } from '#shared/store/dynamo/person-counters';
import type { FactsDeps } from '../deps';
import {
  countersFor,
  creditedUnits,
  factEvent,
  feedbackStatus,
  noonOf,
  policyFor,
  requireAdopted,
  requireNotFuture,
} from '../rules';

/**
 * 批示: a leader's instruction on an adopted item, scored by level under the year's policy —
 * the same level counts once per item (a second one is recorded with a 0-point ledger line).
 */
export async function recordInstruction(
  deps: FactsDeps,
  editor: Principal,
  itemId: string,
  body: InstructionBody,
): Promise<InstructionView> {
  const item = await deps.items.get(itemId);
  if (!item) throw new NotFoundError('ITEM_NOT_FOUND', `找不到稿件“${itemId}”`);
  requireAdopted(item, '领导批示');
  const now = deps.now();
  requireNotFuture(body.date, now, '批示日期');
  if (body.feedbackDue < body.date) {
    throw new UnprocessableError('FEEDBACK_DUE_BEFORE_INSTRUCTION', '反馈截止日期不能早于批示日期', [
      { path: 'feedbackDue', message: `须不早于 ${body.date}` },
    ]);
  }
  const policy = await policyFor(deps, body.date);
  const rows = await deps.facts.ofItem(itemId);
  const levelsAlreadyCounted = [...new Set(rows.instructions.map((row) => row.level))];
  const units = creditedUnits(item);
  const day = noonOf(body.date);
  // Ledger lines are keyed by time, rule and item: the n-th instruction of an item sits n ms after noon.
  const at = new Date(day.getTime() + rows.instructions.length).toISOString();
  const lines = ledgerFor(
    {
      kind: 'instruction',
      itemId,
      level: body.level,
      leader: body.leader,
      units: units.map((unitId) => ({ unitId })),
      at,
      levelsAlreadyCounted,
    },
    policy,
  );
  const recordedAt = now.toISOString();
  const fact = {
    itemId,
    instructionId: newId('in', now),
    leader: body.leader,
    level: body.level,
    date: body.date,
    text: body.text,
    feedbackDue: body.feedbackDue,
    units,
    recordedAt,
    recordedBy: editor.tokenId,
    ...personOf(editor),
  };
  await deps.facts.record({
    fact: { kind: 'instruction', fact },
    event: factEvent(
      editor,
      recordedAt,
      'instruction',
      `${body.date} ${instructionLevelLabels[body.level]}${body.leader}批示，${body.feedbackDue} 前反馈`,
    ),
    itemStatus: 'adopted',
    ledger: lines.map((line) => ({ ...line, at })),
    counters: await countersFor(deps, units, lines, day, {
      instructions: 1,
      [`instructionsBy:${body.level}`]: 1,
    }),
    // The persons the item credits (先进个人; a 综合信息: each source's), on the same day as the units.
    personCounters: personChangesAt(creditedPeople(item), day, { instructions: 1 }),
    duplicate: { code: 'INSTRUCTION_EXISTS', message: '该批示已记录' },
  });
  return { ...fact, feedbackStatus: feedbackStatus(fact, now) };
}
