import { actorOf, personOf } from '#shared/domain/actor';
import type { Principal } from '#shared/domain/roles';
import { ConflictError, NotFoundError, UnprocessableError } from '#shared/errors';
import type { FeedbackBody, InstructionView } from '#shared/schemas/facts';
import { readableItem } from '../../items/access';
import type { FactsDeps } from '../deps';
import { factEvent, feedbackStatus, requireNotFuture } from '../rules';

/** 落实反馈: the unit (or an editor for it) reports that a 批示 was acted on; once per 批示. */
export async function recordFeedback(
  deps: FactsDeps,
  principal: Principal,
  itemId: string,
  instructionId: string,
  body: FeedbackBody,
): Promise<InstructionView> {
  await readableItem(deps.items, principal, itemId);
  const rows = await deps.facts.ofItem(itemId);
  const instruction = rows.instructions.find((row) => row.instructionId === instructionId);
  if (!instruction) throw new NotFoundError('INSTRUCTION_NOT_FOUND', `找不到批示“${instructionId}”`);
  if (instruction.feedbackDate) {
    throw new ConflictError('FEEDBACK_EXISTS', '该批示的落实反馈已经记录，不能重复反馈');
  }
  if (body.date < instruction.date) {
    throw new UnprocessableError(
      'FEEDBACK_BEFORE_INSTRUCTION',
      `反馈日期（${body.date}）不能早于批示日期（${instruction.date}）`,
    );
  }
  const now = deps.now();
  requireNotFuture(body.date, now, '反馈日期');
  const at = now.toISOString();
  const updated = {
    ...instruction,
    feedbackDate: body.date,
    feedbackAt: at,
    feedbackBy: principal.tokenId,
    ...feedbackPersonOf(principal),
  };
  const status = feedbackStatus(updated, now);
  await deps.facts.feedback({
    itemId,
    instructionId,
    date: body.date,
    at,
    ...actorOf(principal),
    event: factEvent(
      principal,
      at,
      'instruction-feedback',
      `${body.date} 落实反馈（${instruction.leader}批示，${status === 'on-time' ? '按时' : '逾期'}）`,
    ),
  });
  return { ...updated, feedbackStatus: status };
}

/** The person who recorded the feedback, beside `feedbackBy` (the credential). */
function feedbackPersonOf(principal: Principal) {
  const { byPerson } = personOf(principal);
  return byPerson ? { feedbackByPerson: byPerson } : {};
}
