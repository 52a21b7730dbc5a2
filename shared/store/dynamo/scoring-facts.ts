/**
 * The scoring facts that have no record of their own elsewhere (a late 重要紧急信息, a month's
 * quota) and those of upper-level facts, each stored once as the rule reads it, in the
 * transaction that scores it: `SCOREFACT#<identity>` / `FACT`, on gsi3 `SCORING#<year>` /
 * `<at>#<identity>` so a replay reads a year's facts with one Query. A 约稿 answered or missed is
 * kept on the commission's row for the unit instead (`fact`, same gsi3 keys; see
 * commissions.ts): that row is already in the submit transaction, so the fact costs no action of
 * its own there. Either way the fact is the row's `fact` attribute, set only when absent.
 * The identity is the fact's, not its moment's: a 约稿 is answered or missed for a unit once.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { yearOf } from '../../domain/periods';
import { periodStart } from '../../domain/ranking';
import {
  type CommissionFact,
  ledgerTimeOf,
  monthEnd,
  type ScoringFact,
  type TimedLine,
} from '../../domain/scoring/index';
import type { TableRef } from './client';
import { commissionFactUpdate, commissionKeys, type IndexedCommissionFact } from './commissions';
import { rethrowStoreError } from './errors';
import { type CounterChange, counterUpdates, ledgerPuts } from './ledger';
import { queryAll } from './query';
import { type TransactItem, transact } from './transactions';

/** What makes a fact the same fact: a retry or a rerun lands on the same identity. */
export function scoringFactId(fact: ScoringFact): string {
  switch (fact.kind) {
    case 'quota':
      return `quota#${fact.month}#${fact.unitId}`;
    case 'commission':
      return `commission#${fact.commissionId}#${fact.unitId}`;
    case 'late-important':
      return `late-important#${fact.itemId}`;
    case 'upper-adopted':
      return `upper#${fact.itemId}#${fact.publicationId}`;
    case 'instruction':
      return `instruction#${fact.itemId}#${fact.at}`;
    case 'adopted':
      return `adopted#${fact.itemId}#${fact.at}`;
  }
}

export const scoringFactKey = (fact: ScoringFact) => ({ pk: `SCOREFACT#${scoringFactId(fact)}`, sk: 'FACT' });

/** The row that holds a fact: the commission's unit row for a 约稿's, its own row for the others. */
export const scoringFactRowKey = (fact: ScoringFact) =>
  fact.kind === 'commission' ? commissionKeys.unitRow(fact.commissionId, fact.unitId) : scoringFactKey(fact);

/** Where a replay finds the fact: the year its lines count in, then their moment. */
export function scoringIndexKeys(fact: ScoringFact): { gsi3pk: string; gsi3sk: string } {
  const at = ledgerTimeOf(fact);
  return { gsi3pk: `SCORING#${yearOf(new Date(at))}`, gsi3sk: `${at}#${scoringFactId(fact)}` };
}

/** A 约稿's fact as its unit row keeps it (see commissions.ts). */
export const indexedCommissionFact = (fact: CommissionFact): IndexedCommissionFact => ({
  fact,
  ...scoringIndexKeys(fact),
});

/**
 * Conditional writes: a fact already stored fails the transaction it is part of. A 约稿's fact is
 * an Update of its unit row (which must exist); the submit transaction, which updates that row
 * anyway, merges it into its answer instead (`commissionAnswerUpdate`).
 */
export function scoringFactWrites(tableName: string, facts: readonly ScoringFact[]): TransactItem[] {
  return facts.map((fact): TransactItem => {
    if (fact.kind === 'commission') return commissionFactUpdate(tableName, indexedCommissionFact(fact));
    return {
      Put: {
        TableName: tableName,
        Item: {
          ...scoringFactKey(fact),
          ...scoringIndexKeys(fact),
          type: 'scoring-fact',
          kind: fact.kind,
          at: ledgerTimeOf(fact),
          fact,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  });
}

/** What one scoring transaction writes: facts, their lines and the counters the lines move. */
export interface ScoredWrite {
  facts: ScoringFact[];
  ledger: TimedLine[];
  counters: CounterChange[];
}

export class DynamoScoringFactStore {
  constructor(private readonly table: TableRef) {}

  async exists(fact: ScoringFact): Promise<boolean> {
    const { Item } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: scoringFactRowKey(fact),
          ConsistentRead: true,
          ProjectionExpression: '#fact',
          ExpressionAttributeNames: { '#fact': 'fact' },
        }),
      )
      .catch(rethrowStoreError);
    // A commission row exists before its fact does: what counts is the attribute.
    return Item?.fact !== undefined;
  }

  /** The facts whose lines count in `year` (Asia/Shanghai), fact rows and commission rows alike: one Query on gsi3. */
  async ofYear(year: number): Promise<ScoringFact[]> {
    const rows = await queryAll(this.table, {
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': `SCORING#${year}` },
    });
    return rows.map((row) => row.fact as ScoringFact);
  }

  /**
   * The identities of the facts whose lines count within `month` (Asia/Shanghai): one keys-only
   * Query on gsi3 (`<at>#<identity>` between the month's first and last moment), never a read per
   * fact. An index trails its table by a moment, so a fact stored just now may be missing here:
   * whoever writes on this answer writes conditionally (`record`) and lets the condition decide.
   */
  async idsOfMonth(month: string): Promise<Set<string>> {
    const start = periodStart(month);
    if (!start) throw new Error(`not a month: ${month}`);
    const rows = await queryAll(this.table, {
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': `SCORING#${yearOf(start)}`,
        ':from': start.toISOString(),
        ':to': `${monthEnd(month)}#\uffff`,
      },
      ProjectionExpression: 'gsi3sk',
    });
    return new Set(
      rows.map((row) => {
        const sortKey = String(row.gsi3sk);
        return sortKey.slice(sortKey.indexOf('#') + 1);
      }),
    );
  }

  /**
   * Stores facts with their lines and counters in one transaction. Returns false, writing
   * nothing, when one of the facts (or lines) is already stored: a rerun or a race.
   */
  async record(write: ScoredWrite): Promise<boolean> {
    const tableName = this.table.tableName;
    const actions = [
      ...scoringFactWrites(tableName, write.facts),
      ...ledgerPuts(tableName, write.ledger),
      ...counterUpdates(
        tableName,
        write.counters.filter((change) => Object.keys(change.add).length > 0),
      ),
    ];
    if (actions.length === 0) return true;
    try {
      await transact(this.table, actions, () => {
        throw new AlreadyScored();
      });
      return true;
    } catch (error) {
      if (error instanceof AlreadyScored) return false;
      throw error;
    }
  }
}

class AlreadyScored extends Error {}
