/**
 * 约稿 (commissions) in the one table:
 * - the commission: `COMMISSION#<id>` / `COMMISSION`, on gsi3 `COMMISSIONS#<year>` / `<deadline>#<id>`
 *   (a year's commissions by deadline);
 * - one row per asked unit: `COMMISSION#<id>` / `UNIT#<unitId>`, on gsi2 `UNITCOMMISSIONS#<unitId>` /
 *   `<deadline>#<id>` (a unit's commissions), carrying the topic and deadline so a unit's list is one Query.
 * The item submit transaction marks a unit's row answered (see `commissionAnswerUpdate`).
 *
 * A unit's row also keeps the 约稿's scoring fact for that unit — answered (on time or late, by
 * the submit transaction) or missed (by the month close) — in `fact`, set at most once
 * (`attribute_not_exists(fact)`: the first of an answer and a close wins), with gsi3
 * `SCORING#<year>` / `<at>#commission#<id>#<unitId>` so a replay finds it among the year's other
 * scoring facts (see scoring-facts.ts). Keeping it here rather than on a row of its own saves the
 * submit transaction an action.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { parseStored } from '#shared/schemas/free-text';
import type { CommissionFact } from '../../domain/scoring/index';
import { ConflictError, UnprocessableError } from '../../errors';
import type { TableRef } from './client';
import { rethrowStoreError } from './errors';
import { queryAll } from './query';
import { type TransactItem, transact } from './transactions';

export const commissionKeys = {
  commission: (commissionId: string) => ({ pk: `COMMISSION#${commissionId}`, sk: 'COMMISSION' }),
  unitRow: (commissionId: string, unitId: string) => ({
    pk: `COMMISSION#${commissionId}`,
    sk: `UNIT#${unitId}`,
  }),
  partition: (commissionId: string) => `COMMISSION#${commissionId}`,
  yearIndex: (year: number, deadline: string, commissionId: string) => ({
    gsi3pk: `COMMISSIONS#${year}`,
    gsi3sk: `${deadline}#${commissionId}`,
  }),
  unitIndex: (unitId: string, deadline: string, commissionId: string) => ({
    gsi2pk: `UNITCOMMISSIONS#${unitId}`,
    gsi2sk: `${deadline}#${commissionId}`,
  }),
} as const;

const storedCommission = z.object({
  commissionId: z.string(),
  topic: z.string(),
  requirements: z.string(),
  deadline: z.string(),
  year: z.number(),
  targetAll: z.boolean(),
  unitCount: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type StoredCommission = z.infer<typeof storedCommission>;

const storedUnitRow = z.object({
  commissionId: z.string(),
  unitId: z.string(),
  status: z.enum(['pending', 'answered']),
  itemId: z.optional(z.string()),
  answeredAt: z.optional(z.string()),
  topic: z.string(),
  requirements: z.string(),
  deadline: z.string(),
  year: z.number(),
  targetAll: z.boolean(),
  createdAt: z.string(),
  /** The 约稿's scoring fact for this unit, once scored (answered or missed); only its outcome is read here. */
  fact: z.optional(z.object({ outcome: z.enum(['on-time', 'late', 'missed']) })),
});
export type StoredCommissionUnit = z.infer<typeof storedUnitRow>;

/** An item names a commission that does not exist or does not ask the submitting unit. */
export function commissionNotForUnit(commissionId: string): UnprocessableError {
  return new UnprocessableError(
    'COMMISSION_NOT_FOR_UNIT',
    `约稿“${commissionId}”不存在或未向本单位约稿，请核对约稿编号；不回应约稿的稿件请不要填写约稿编号`,
  );
}

/** A TransactWriteItems call takes at most 100 actions. */
const transactionLimit = 100;

/** A 约稿's scoring fact with the gsi3 keys a replay finds it by (see scoring-facts.ts). */
export interface IndexedCommissionFact {
  fact: CommissionFact;
  gsi3pk: string;
  gsi3sk: string;
}

/** The unit row's part of recording a commission fact: SET and condition, merged into one Update. */
function factParts(scored: IndexedCommissionFact) {
  return {
    set: '#fact = :fact, gsi3pk = :scoringPk, gsi3sk = :scoringSk',
    condition: 'attribute_not_exists(#fact)',
    names: { '#fact': 'fact' },
    values: { ':fact': scored.fact, ':scoringPk': scored.gsi3pk, ':scoringSk': scored.gsi3sk },
  };
}

/**
 * The submit transaction's action for an item answering a commission: the unit's row must exist
 * (the commission exists and asks this unit); only the first answer sets the item and time. With
 * `scored`, the answer's scoring fact is set on the row in the same Update, on condition that the
 * row has none yet (an earlier answer or the month close scored it first).
 */
export function commissionAnswerUpdate(
  tableName: string,
  answer: { commissionId: string; unitId: string; itemId: string; answeredAt: string },
  scored?: IndexedCommissionFact,
): TransactItem {
  const fact = scored && factParts(scored);
  return {
    Update: {
      TableName: tableName,
      Key: commissionKeys.unitRow(answer.commissionId, answer.unitId),
      UpdateExpression: `SET #status = :answered, itemId = if_not_exists(itemId, :itemId), answeredAt = if_not_exists(answeredAt, :at)${fact ? `, ${fact.set}` : ''}`,
      ConditionExpression: `attribute_exists(pk)${fact ? ` AND ${fact.condition}` : ''}`,
      ExpressionAttributeNames: { '#status': 'status', ...fact?.names },
      ExpressionAttributeValues: {
        ':answered': 'answered',
        ':itemId': answer.itemId,
        ':at': answer.answeredAt,
        ...fact?.values,
      },
    },
  };
}

/** A commission fact recorded on its own (the month close's missed): the row must exist and have none yet. */
export function commissionFactUpdate(tableName: string, scored: IndexedCommissionFact): TransactItem {
  const fact = factParts(scored);
  return {
    Update: {
      TableName: tableName,
      Key: commissionKeys.unitRow(scored.fact.commissionId, scored.fact.unitId),
      UpdateExpression: `SET ${fact.set}`,
      ConditionExpression: `attribute_exists(pk) AND ${fact.condition}`,
      ExpressionAttributeNames: fact.names,
      ExpressionAttributeValues: fact.values,
    },
  };
}

export class DynamoCommissionStore {
  constructor(private readonly table: TableRef) {}

  /**
   * Stores the unit rows and then the commission. Up to 99 units this is one transaction; beyond
   * that the rows go in transactions of 100 and the commission last, so it never shows without its rows.
   */
  async create(commission: StoredCommission, unitIds: readonly string[]): Promise<void> {
    const tableName = this.table.tableName;
    const { commissionId, deadline } = commission;
    const rows = unitIds.map(
      (unitId): TransactItem => ({
        Put: {
          TableName: tableName,
          Item: {
            ...commissionKeys.unitRow(commissionId, unitId),
            ...commissionKeys.unitIndex(unitId, deadline, commissionId),
            type: 'commission-unit',
            commissionId,
            unitId,
            status: 'pending',
            topic: commission.topic,
            requirements: commission.requirements,
            deadline,
            year: commission.year,
            targetAll: commission.targetAll,
            createdAt: commission.createdAt,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }),
    );
    const header: TransactItem = {
      Put: {
        TableName: tableName,
        Item: {
          ...commissionKeys.commission(commissionId),
          ...commissionKeys.yearIndex(commission.year, deadline, commissionId),
          type: 'commission',
          ...commission,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    const conflict = (): never => {
      throw new ConflictError('COMMISSION_EXISTS', '约稿编号冲突，请重试');
    };
    const batches: TransactItem[][] = [];
    for (let start = 0; start < rows.length; start += transactionLimit) {
      batches.push(rows.slice(start, start + transactionLimit));
    }
    const last = batches.at(-1);
    if (last && last.length < transactionLimit) last.push(header);
    else batches.push([header]);
    for (const batch of batches) await transact(this.table, batch, conflict);
  }

  async get(
    commissionId: string,
  ): Promise<{ commission: StoredCommission; units: StoredCommissionUnit[] } | undefined> {
    const raw = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': commissionKeys.partition(commissionId) },
      ConsistentRead: true,
    });
    const head = raw.find((row) => row.sk === 'COMMISSION');
    if (!head) return undefined;
    return {
      commission: parseStored(storedCommission, head),
      units: raw.filter((row) => row.sk !== 'COMMISSION').map((row) => parseStored(storedUnitRow, row)),
    };
  }

  /** One unit's row of a commission: present only when the commission exists and asks this unit. */
  async unitRow(commissionId: string, unitId: string): Promise<StoredCommissionUnit | undefined> {
    const { Item: raw } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: commissionKeys.unitRow(commissionId, unitId),
          ConsistentRead: true,
        }),
      )
      .catch(rethrowStoreError);
    return raw ? parseStored(storedUnitRow, raw) : undefined;
  }

  /** A year's commissions by deadline (the year of the deadline, Asia/Shanghai). */
  async ofYear(year: number): Promise<StoredCommission[]> {
    const raw = await queryAll(this.table, {
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': `COMMISSIONS#${year}` },
    });
    return raw.map((row) => parseStored(storedCommission, row));
  }

  /** The commissions asking one unit, by deadline, each with that unit's row. */
  async ofUnit(unitId: string): Promise<StoredCommissionUnit[]> {
    const raw = await queryAll(this.table, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `UNITCOMMISSIONS#${unitId}` },
    });
    return raw.map((row) => parseStored(storedUnitRow, row));
  }
}
