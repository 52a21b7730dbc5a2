/**
 * The scoring facts that have no record of their own elsewhere (a 约稿 answered or missed, a late
 * 重要紧急信息, a month's quota) and those of upper-level facts, each stored once as the rule
 * reads it, in the transaction that scores it: `SCOREFACT#<identity>` / `FACT`, on gsi3
 * `SCORING#<year>` / `<at>#<identity>` so a replay reads a year's facts with one Query.
 * The identity is the fact's, not its moment's: a 约稿 is answered or missed for a unit once.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { yearOf } from '../../domain/periods';
import { periodStart } from '../../domain/ranking';
import { ledgerTimeOf, monthEnd, type ScoringFact, type TimedLine } from '../../domain/scoring/index';
import type { TableRef } from './client';
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

/** Conditional Puts: a fact already stored fails the transaction it is part of. */
export function scoringFactPuts(tableName: string, facts: readonly ScoringFact[]): TransactItem[] {
  return facts.map((fact) => {
    const at = ledgerTimeOf(fact);
    return {
      Put: {
        TableName: tableName,
        Item: {
          ...scoringFactKey(fact),
          gsi3pk: `SCORING#${yearOf(new Date(at))}`,
          gsi3sk: `${at}#${scoringFactId(fact)}`,
          type: 'scoring-fact',
          kind: fact.kind,
          at,
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
          Key: scoringFactKey(fact),
          ConsistentRead: true,
          ProjectionExpression: 'pk',
        }),
      )
      .catch(rethrowStoreError);
    return Item !== undefined;
  }

  /** The facts whose lines count in `year` (Asia/Shanghai): one Query on gsi3. */
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
      ...scoringFactPuts(tableName, write.facts),
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
