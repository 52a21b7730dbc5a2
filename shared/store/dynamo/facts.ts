import { parseStored } from '#shared/schemas/free-text';
/**
 * Upper-level fact rows, in the item's partition: `FORWARDED`, `UPPER#<publicationId>` and
 * `INSTRUCTION#<instructionId>`. Each fact is one transaction with its audit event, its ledger
 * lines and the counters they move; the fact row's conditional Put on its deterministic key is
 * what keeps a retried write from counting twice.
 */
import type { ScoringFact } from '../../domain/scoring/index';
import { ConflictError, NotFoundError } from '../../errors';
import {
  type ForwardedFact,
  forwardedFact,
  type InstructionFact,
  instructionFact,
  type UpperAdoptionFact,
  upperAdoptionFact,
} from '../../schemas/facts';
import type { HistoryEvent } from '../../schemas/items';
import type { TableRef } from './client';
import { historyPut } from './history';
import { keys } from './keys';
import { type CounterChange, counterUpdates, ledgerPuts, type StoredLedgerLine } from './ledger';
import type { PersonCounterChange } from './person-counters';
import { queryAll } from './query';
import { scoringFactWrites } from './scoring-facts';
import { type TransactItem, transact } from './transactions';

export const factKeys = {
  forwarded: (itemId: string) => ({ pk: keys.itemPartition(itemId), sk: 'FORWARDED' }),
  upper: (itemId: string, publicationId: string) => ({
    pk: keys.itemPartition(itemId),
    sk: `UPPER#${publicationId}`,
  }),
  instruction: (itemId: string, instructionId: string) => ({
    pk: keys.itemPartition(itemId),
    sk: `INSTRUCTION#${instructionId}`,
  }),
} as const;

export type StoredFact =
  | { kind: 'forwarded'; fact: ForwardedFact }
  | { kind: 'upper'; fact: UpperAdoptionFact }
  | { kind: 'instruction'; fact: InstructionFact };

export interface ItemFactRows {
  forwarded: ForwardedFact | undefined;
  upperAdoptions: UpperAdoptionFact[];
  instructions: InstructionFact[];
}

/** Everything one fact writes, in one transaction. */
export interface FactWrite {
  fact: StoredFact;
  event: HistoryEvent;
  /** When set, the item row must still be in this status (an adoption fact needs an adopted item). */
  itemStatus?: string;
  ledger: StoredLedgerLine[];
  counters: CounterChange[];
  /** The persons the item credits: `upperAdopted` or `instructions` in the 先进个人 figures (their units' rows). */
  personCounters?: PersonCounterChange[];
  /** The 409 when the fact row already exists. */
  duplicate: { code: string; message: string };
}

export interface FeedbackWrite {
  itemId: string;
  instructionId: string;
  date: string;
  at: string;
  by: string;
  event: HistoryEvent;
}

function factKey(fact: StoredFact) {
  switch (fact.kind) {
    case 'forwarded':
      return factKeys.forwarded(fact.fact.itemId);
    case 'upper':
      return factKeys.upper(fact.fact.itemId, fact.fact.publicationId);
    case 'instruction':
      return factKeys.instruction(fact.fact.itemId, fact.fact.instructionId);
  }
}

/**
 * The item-level counters for city totals: an upper adoption or a 批示 counts once for the city
 * however many units it credits, so it is counted on the lead unit's rows only (`upperItems`,
 * `instructionItems` and their breakdowns), beside the per-unit counters.
 */
function cityCounters(write: FactWrite): CounterChange[] {
  const { fact } = write;
  if (fact.kind === 'forwarded') return [];
  const lead = fact.fact.units[0];
  const add =
    fact.kind === 'upper'
      ? { upperItems: 1, [`upperItemsBy:${fact.fact.publicationId}`]: 1 }
      : { instructionItems: 1, [`instructionItemsBy:${fact.fact.level}`]: 1 };
  return write.counters.filter((change) => change.unitId === lead).map((change) => ({ ...change, add }));
}

/** The fact as the ledger rules read it, kept for a replay of the year (moment: its lines'). */
function scoringFactsOf(write: FactWrite): ScoringFact[] {
  const at = write.ledger[0]?.at;
  const { fact } = write;
  if (!at || fact.kind === 'forwarded') return [];
  const units = fact.fact.units.map((unitId) => ({ unitId }));
  if (fact.kind === 'upper') {
    const { itemId, publicationId, forwardedThroughCity } = fact.fact;
    return [{ kind: 'upper-adopted', itemId, publicationId, forwardedThroughCity, units, at }];
  }
  const { itemId, level, leader } = fact.fact;
  return [{ kind: 'instruction', itemId, level, leader, units, at, levelsAlreadyCounted: [] }];
}

export class DynamoFactStore {
  constructor(private readonly table: TableRef) {}

  /** The item's fact rows: one Query of its partition. */
  async ofItem(itemId: string): Promise<ItemFactRows> {
    const rows = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: '#type = :fact',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':pk': keys.itemPartition(itemId), ':fact': 'fact' },
      ConsistentRead: true,
    });
    const result: ItemFactRows = { forwarded: undefined, upperAdoptions: [], instructions: [] };
    for (const row of rows) {
      const { pk: _pk, sk, type: _type, kind: _kind, ...rest } = row;
      if (sk === 'FORWARDED') result.forwarded = parseStored(forwardedFact, rest);
      else if (typeof sk === 'string' && sk.startsWith('UPPER#'))
        result.upperAdoptions.push(parseStored(upperAdoptionFact, rest));
      else if (typeof sk === 'string' && sk.startsWith('INSTRUCTION#'))
        result.instructions.push(parseStored(instructionFact, rest));
    }
    result.upperAdoptions.sort((a, b) => (a.date + a.recordedAt < b.date + b.recordedAt ? -1 : 1));
    result.instructions.sort((a, b) => (a.date + a.recordedAt < b.date + b.recordedAt ? -1 : 1));
    return result;
  }

  /** Stores a fact with its event, ledger lines and counters; all or nothing. */
  async record(write: FactWrite): Promise<void> {
    const tableName = this.table.tableName;
    const actions: TransactItem[] = [
      {
        Put: {
          TableName: tableName,
          Item: { ...factKey(write.fact), type: 'fact', kind: write.fact.kind, ...write.fact.fact },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        ConditionCheck: {
          TableName: tableName,
          Key: keys.item(write.fact.fact.itemId),
          ...(write.itemStatus
            ? {
                ConditionExpression: 'attribute_exists(pk) AND #status = :status',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':status': write.itemStatus },
              }
            : { ConditionExpression: 'attribute_exists(pk)' }),
        },
      },
      historyPut(tableName, write.fact.fact.itemId, write.event),
      ...counterUpdates(tableName, [...write.counters, ...cityCounters(write)], write.personCounters),
      ...ledgerPuts(tableName, write.ledger, write.event.byPerson),
      ...scoringFactWrites(tableName, scoringFactsOf(write)),
    ];
    await transact(this.table, actions, (index) => {
      if (index === 0) throw new ConflictError(write.duplicate.code, write.duplicate.message);
      if (index === 1) throw new ConflictError('ITEM_CHANGED', '稿件状态刚刚发生变化，请刷新后重试');
      throw new ConflictError('FACT_CONFLICT', '同一时间已记录了相同的事项，请刷新后核对');
    });
  }

  /** Records the unit's 落实反馈 once: a second feedback fails with 409. */
  async feedback(write: FeedbackWrite): Promise<void> {
    const tableName = this.table.tableName;
    await transact(
      this.table,
      [
        {
          Update: {
            TableName: tableName,
            Key: factKeys.instruction(write.itemId, write.instructionId),
            UpdateExpression: 'SET feedbackDate = :date, feedbackAt = :at, feedbackBy = :by',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(feedbackDate)',
            ExpressionAttributeValues: { ':date': write.date, ':at': write.at, ':by': write.by },
          },
        },
        historyPut(tableName, write.itemId, write.event),
      ],
      (index) => {
        if (index === 0) throw new ConflictError('FEEDBACK_EXISTS', '该批示的落实反馈已经记录，不能重复反馈');
        throw new NotFoundError('INSTRUCTION_NOT_FOUND', `找不到批示“${write.instructionId}”`);
      },
    );
  }
}
