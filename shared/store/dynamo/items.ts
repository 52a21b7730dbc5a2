import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { parseStored } from '#shared/schemas/free-text';
import { monthOf, periodsOf } from '../../domain/periods';
import { creditedPeople } from '../../domain/person-ranking';
import { centsOf, fromCents } from '../../domain/scoring/index';
import { ConflictError, SubmissionKeyClaimedError, UnprocessableError } from '../../errors';
import { type HistoryEvent, type Item, item as itemSchema } from '../../schemas/items';
import type { DuplicateCandidate, ItemPageQuery, ItemStore, LshEntry, SubmitWrite } from '../ports';
import type { TableRef } from './client';
import { commissionAnswerUpdate, commissionNotForUnit } from './commissions';
import { duplicateCandidates, duplicateSignaturePut } from './duplicate-index';
import { rethrowStoreError } from './errors';
import { historyPut } from './history';
import { keys } from './keys';
import { counterUpdates, ledgerPuts } from './ledger';
import { outboxPut } from './outbox';
import { personChangesAt } from './person-counters';
import { indexedCommissionFact, scoringFactWrites } from './scoring-facts';
import { type TransactItem, transact } from './transactions';

/** An item as stored: its keys, its index keys (queue, unit, month) and a warning count. */
export function storedItem(item: Item) {
  const month = monthOf(new Date(item.submittedAt));
  return {
    ...keys.item(item.itemId),
    ...keys.itemIndexes({ ...item, month }),
    type: 'item',
    ...item,
    warnings: item.findings.length,
  };
}

export function toItem(raw: Record<string, unknown>): Item {
  return parseStored(itemSchema, raw);
}

const versionConflict = () => new ConflictError('VERSION_CONFLICT', '稿件已被他人处理或修改，请刷新后再操作');

export class DynamoItemStore implements ItemStore {
  constructor(private readonly table: TableRef) {}

  async get(itemId: string): Promise<Item | undefined> {
    const { Item: raw } = await this.table.client
      .send(new GetCommand({ TableName: this.table.tableName, Key: keys.item(itemId), ConsistentRead: true }))
      .catch(rethrowStoreError);
    return raw ? toItem(raw) : undefined;
  }

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

  /** Replaces the item if it is still at `expectedVersion`, with the audit events of the change. */
  async update(item: Item, expectedVersion: number, events: HistoryEvent[]): Promise<void> {
    await this.updateMany(
      [{ item, expectedVersion }],
      events.map((event) => ({ itemId: item.itemId, event })),
    );
  }

  /** Several items changed together (a merge) with their audit events; any stale version → 409. */
  async updateMany(
    changes: { item: Item; expectedVersion: number | undefined }[],
    events: { itemId: string; event: HistoryEvent }[],
  ): Promise<void> {
    const tableName = this.table.tableName;
    const actions: TransactItem[] = [
      ...changes.map(
        ({ item, expectedVersion }): TransactItem => ({
          Put: {
            TableName: tableName,
            Item: storedItem(item),
            ...(expectedVersion === undefined
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: 'version = :expected',
                  ExpressionAttributeValues: { ':expected': expectedVersion },
                }),
          },
        }),
      ),
      ...events.map(({ itemId, event }) => historyPut(tableName, itemId, event)),
    ];
    await transact(this.table, actions, () => {
      throw versionConflict();
    });
  }

  /** One page of an index query; the cursor is DynamoDB's own LastEvaluatedKey. */
  async page(input: ItemPageQuery): Promise<{
    items: Item[];
    lastKey: Record<string, unknown> | undefined;
  }> {
    const result = await this.table.client
      .send(new QueryCommand({ ...input, TableName: this.table.tableName }))
      .catch(rethrowStoreError);
    return { items: (result.Items ?? []).map(toItem), lastKey: result.LastEvaluatedKey };
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
