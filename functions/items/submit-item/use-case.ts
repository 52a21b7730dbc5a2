import { actorOf } from '#shared/domain/actor';
import { newId } from '#shared/domain/ids';
import type { UnitPrincipal } from '#shared/domain/roles';
import { SubmissionKeyClaimedError, UnprocessableError } from '#shared/errors';
import { logger } from '#shared/http/logger';
import type { Item, ItemSubmit } from '#shared/schemas/items';
import type { OutboxEntry } from '#shared/store/ports';
import type { ItemsDeps } from '../deps';
import { signOff, submitterOf } from '../sign-off';
import { assess } from '../submission-rules';
import { claimedItem, claimFor } from './claim';
import { scoreSubmission } from './scoring';

type Reporter = UnitPrincipal;

/**
 * Stores a new item with its audit event, counters, near-duplicate signature and what it scores
 * (a first answer to a 约稿 on time or late, a late 重要紧急信息: facts, ledger lines, points) in one
 * transaction, then asks the LSH indexer to write the signature's bucket rows (so later
 * submissions find this one) and the mailer to alert the duty recipients at once when it is urgent.
 * The caller has already refused secrecy markers and future dates.
 *
 * With an Idempotency-Key, the key is claimed in that same transaction: a key already claimed
 * (an earlier attempt stored its item, then its answer was lost) answers with the stored item.
 */
export async function submitItem(
  deps: ItemsDeps,
  principal: Reporter,
  input: ItemSubmit,
  idempotencyKey?: string,
): Promise<Item> {
  const now = deps.now();
  const claim = idempotencyKey ? claimFor(idempotencyKey, input, now) : undefined;
  const earlier = claim && (await claimedItem(deps.items, principal.unitId, claim));
  if (earlier) return earlier;
  const unit = await deps.units.get(principal.unitId);
  if (!unit?.active) throw new UnprocessableError('UNIT_INACTIVE', '本单位已停用或不存在，不能报送');
  const at = now.toISOString();
  const author = await signOff(deps.people, principal, input.author);
  const assessment = await assess(deps.items, { ...input, author }, now);
  const { secrecy: _declared, ...fields } = input;
  const item: Item = {
    ...fields,
    author,
    ...submitterOf(principal),
    itemId: newId('it', now),
    unitId: principal.unitId,
    status: 'submitted',
    submittedAt: at,
    updatedAt: at,
    revisions: [],
    findings: assessment.findings,
    duplicates: assessment.duplicates,
    coUnits: [],
    version: 1,
  };
  const outbox: OutboxEntry | undefined =
    item.urgency === 'important'
      ? {
          messageId: newId('ml', now),
          kind: 'urgent-item',
          refId: item.itemId,
          createdAt: at,
          status: 'pending',
          attempts: 0,
          sentTo: [],
        }
      : undefined;
  const scoring = await scoreSubmission(deps.scoring, item);
  try {
    await deps.items.submit({
      item,
      event: { at, ...actorOf(principal), role: principal.role, action: 'submit', to: 'submitted' },
      unitClass: unit.class,
      signature: assessment.signature,
      ...(outbox ? { outbox } : {}),
      ...(scoring ? { scoring } : {}),
      ...(claim ? { claim } : {}),
    });
  } catch (error) {
    // Another attempt with this key committed between our read of the claim and our transaction.
    const first =
      error instanceof SubmissionKeyClaimedError && claim && (await claimedItem(deps.items, unit.id, claim));
    if (first) return first;
    throw error;
  }
  // Never fails or holds up the submission: the indexer's sweep indexes a pending signature later.
  const indexing = deps.duplicateIndex.request([item.itemId]).catch((error: unknown) => {
    logger.warn('near-duplicate index request failed; the index sweep will catch up', {
      itemId: item.itemId,
      error: error instanceof Error ? error.name : 'unknown',
    });
  });
  if (outbox) {
    // The alert must never fail or hold up the submission: the scheduled sweep retries it.
    await deps.mail.dispatch([outbox.messageId]).catch((error: unknown) => {
      logger.warn('urgent alert dispatch failed; the outbox sweep will retry', {
        messageId: outbox.messageId,
        error: error instanceof Error ? error.name : 'unknown',
      });
    });
  }
  await indexing;
  return item;
}
