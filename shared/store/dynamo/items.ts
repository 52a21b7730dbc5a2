import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { periodsOf } from '../../domain/periods';
import { creditedPeople } from '../../domain/person-ranking';
import { centsOf, fromCents } from '../../domain/scoring/index';
import { ConflictError, SubmissionKeyClaimedError, UnprocessableError } from '../../errors';
import type { DuplicateCandidate, ItemStore, LshEntry, SubmitWrite } from '../ports';
import { commissionAnswerUpdate, commissionNotForUnit } from './commissions';
import { duplicateCandidates, duplicateSignaturePut } from './duplicate-index';
import { rethrowStoreError } from './errors';
import { historyPut } from './history';
import { DynamoItemRecords, storedItem } from './item-records';
import { keys } from './keys';
import { counterUpdates, ledgerPuts } from './ledger';
import { outboxPut } from './outbox';
import { personChangesAt } from './person-counters';
import { indexedCommissionFact, scoringFactWrites } from './scoring-facts';
import { type TransactItem, transact } from './transactions';

export { storedItem, toItem } from './item-records';

export class DynamoItemStore extends DynamoItemRecords implements ItemStore {
  /**
   * The item, its first audit event, the unit's last-submitted time, its month/quarter/year
   * counters (two Updates: the unit's year row, and the next year's row where next year's first
   * periods find their previous ones), its near-duplicate signature (one row, marked pending: the
   * LSH bucket rows are written after the commit by the indexer), any urgent-alert mail, the
   * Idempotency-Key claim, the 约稿 answer and what it scores: one transaction of at most 12
   * actions (the 约稿's scoring fact rides on the answer's Update of the unit's commission row).
   */
  async submit(write: SubmitWrite): Promise<void> {
    const { item, event } = write;
    const tableName = this.table.tableName;
    const at = new Date(item.submittedAt);
    // The submission's own lines all fall at its moment, so its counters carry their points.
    const points = fromCents(centsOf(write.scoring?.ledger ?? []));
    const actions: TransactItem[] = [
      {
        Put: {
          TableName: tableName,
          Item: storedItem(item),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      historyPut(tableName, item.itemId, event),
      {
        Update: {
          TableName: tableName,
          Key: keys.unit(item.unitId),
          UpdateExpression: 'SET lastSubmittedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND active = :active',
          ExpressionAttributeValues: { ':at': item.submittedAt, ':active': true },
        },
      },
      // The submitting person's 先进个人 figure rides on the unit's own Update (none for an `xb_` token).
      ...counterUpdates(
        tableName,
        periodsOf(at).map((period) => ({
          unitId: item.unitId,
          unitClass: write.unitClass,
          period,
          add: { submitted: 1, important: item.urgency === 'important' ? 1 : 0, points },
        })),
        personChangesAt(creditedPeople(item), at, { submitted: 1 }),
      ),
      // An empty text has no signature and is never anyone's duplicate: nothing to index.
      ...(write.signature.length > 0
        ? [
            duplicateSignaturePut(tableName, {
              itemId: item.itemId,
              unitId: item.unitId,
              title: item.title,
              submittedAt: item.submittedAt,
              signature: write.signature,
            }),
          ]
        : []),
      ...(write.outbox ? [outboxPut(tableName, write.outbox)] : []),
    ];
    // The Idempotency-Key, claimed with the item: a retry that finds it claimed answers with this item.
    const claimIndex = write.claim ? actions.length : -1;
    if (write.claim) {
      actions.push({
        Put: {
          TableName: tableName,
          Item: {
            ...keys.submissionClaim(item.unitId, write.claim.key),
            type: 'submission-claim',
            itemId: item.itemId,
            payloadHash: write.claim.payloadHash,
            claimedAt: item.submittedAt,
            expiresAt: write.claim.expiresAt,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    // What the submission scores: the 约稿's fact goes on the commission row the answer updates.
    const facts = write.scoring?.facts ?? [];
    const answerFact = facts.find((fact) => fact.kind === 'commission');
    // An answer to a 约稿: the unit's row must exist (the commission asks this unit); first answer only.
    const answerIndex = item.commissionId ? actions.length : -1;
    if (item.commissionId) {
      actions.push(
        commissionAnswerUpdate(
          tableName,
          {
            commissionId: item.commissionId,
            unitId: item.unitId,
            itemId: item.itemId,
            answeredAt: item.submittedAt,
          },
          answerFact && indexedCommissionFact(answerFact),
        ),
      );
    }
    // A fact already stored means another answer or the month close won a race.
    const scoringIndex = write.scoring ? actions.length : -1;
    if (write.scoring) {
      actions.push(
        ...scoringFactWrites(
          tableName,
          facts.filter((fact) => fact !== answerFact),
        ),
        ...ledgerPuts(tableName, write.scoring.ledger, write.event.byPerson),
      );
    }
    await transact(this.table, actions, (index) => {
      if (index === 2) throw new UnprocessableError('UNIT_INACTIVE', '本单位已停用或不存在，不能报送');
      if (index === claimIndex) throw new SubmissionKeyClaimedError();
      // The answer scored only because its row was read, pending (rows are never deleted): its
      // condition failing then means the fact was set first — another answer or the close.
      if (index === answerIndex && !answerFact) throw commissionNotForUnit(item.commissionId ?? '');
      if ((index === answerIndex && answerFact) || (scoringIndex >= 0 && index >= scoringIndex)) {
        throw new ConflictError('SCORING_CONFLICT', '本单位对该约稿的回应刚刚已被记录，请刷新后重试');
      }
      throw new ConflictError('ITEM_EXISTS', '稿件编号冲突，请重试');
    });
  }

  async claimedSubmission(
    unitId: string,
    key: string,
  ): Promise<{ itemId: string; payloadHash: string } | undefined> {
    const { Item: raw } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: keys.submissionClaim(unitId, key),
          ConsistentRead: true,
        }),
      )
      .catch(rethrowStoreError);
    return raw ? { itemId: String(raw.itemId), payloadHash: String(raw.payloadHash) } : undefined;
  }

  /** Items sharing at least one LSH bucket with a signature, submitted since `since` (indexed ones). */
  duplicateCandidates(buckets: LshEntry[], since: string): Promise<DuplicateCandidate[]> {
    return duplicateCandidates(this.table, buckets, since);
  }
}
