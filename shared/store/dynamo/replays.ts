/**
 * Replaying a year in the table: the year's stored ledger of each unit, the rewrite of the lines
 * that change (with the counters' `points` they move, in the same transactions, ≤ 100 actions
 * each), and the audit rows `REPLAY#<year>` / `<at>#<replayId>`.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { periodsOf } from '../../domain/periods';
import { type LedgerDiff, lineName, type TimedLine, toCents } from '../../domain/scoring/index';
import { ConflictError } from '../../errors';
import type { ReplayAudit } from '../../schemas/replay';
import type { TableRef } from './client';
import { rethrowStoreError } from './errors';
import { type CounterChange, counterRowsOf, counterUpdates, ledgerOf } from './ledger';
import { queryAll } from './query';
import { type TransactItem, transact } from './transactions';

/** A TransactWriteItems call takes at most 100 actions. */
const transactionLimit = 100;

const lineKey = (line: TimedLine) => ({ pk: `LEDGER#${line.unitId}`, sk: `ENTRY#${lineName(line)}` });

/** One line's change: what to write (or remove) and how much it moves the unit's points. */
interface LineChange {
  action: TransactItem;
  unitId: string;
  at: string;
  cents: number;
}

/** Each write is conditional on the line as read, so a line changed meanwhile stops the replay (409). */
function changesOf(tableName: string, diff: LedgerDiff): LineChange[] {
  const guard = (line: TimedLine) => ({
    ConditionExpression: '#points = :points AND #version = :version',
    ExpressionAttributeNames: { '#points': 'points', '#version': 'policyVersion' },
    ExpressionAttributeValues: { ':points': line.points, ':version': line.policyVersion },
  });
  const puts = diff.puts.map(({ line, previous }) => ({
    action: {
      Put: {
        TableName: tableName,
        Item: { ...lineKey(line), type: 'ledger', ...line },
        ...(previous ? guard(previous) : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    },
    unitId: line.unitId,
    at: line.at,
    cents: toCents(line.points) - (previous ? toCents(previous.points) : 0),
  }));
  const deletes = diff.deletes.map((line) => ({
    action: { Delete: { TableName: tableName, Key: lineKey(line), ...guard(line) } },
    unitId: line.unitId,
    at: line.at,
    cents: -toCents(line.points),
  }));
  return [...puts, ...deletes].sort((a, b) =>
    a.unitId === b.unitId ? (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) : a.unitId < b.unitId ? -1 : 1,
  );
}

/** Packs line changes with the counter updates they need into transactions of ≤ 100 actions. */
function chunk(changes: LineChange[]): LineChange[][] {
  const chunks: LineChange[][] = [];
  let current: LineChange[] = [];
  let counters = new Set<string>();
  for (const change of changes) {
    const needed = periodsOf(new Date(change.at)).flatMap((period) =>
      counterRowsOf({ unitId: change.unitId, period }),
    );
    const next = new Set([...counters, ...needed]);
    if (current.length > 0 && current.length + 1 + next.size > transactionLimit) {
      chunks.push(current);
      current = [];
      counters = new Set(needed);
    } else {
      counters = next;
    }
    current.push(change);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export class DynamoReplayStore {
  constructor(private readonly table: TableRef) {}

  /** The stored lines of `year` (Asia/Shanghai) of each unit: one Query per unit. */
  async yearLedger(unitIds: readonly string[], year: number): Promise<TimedLine[]> {
    const from = new Date(`${year}-01-01T00:00:00+08:00`).toISOString();
    const to = new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString();
    const lines = await Promise.all(unitIds.map((unitId) => ledgerOf(this.table, unitId, from, to)));
    return lines.flat().filter((line) => line.at < to);
  }

  /** Writes a diff; a crash between transactions leaves a state the next replay completes. */
  async apply(diff: LedgerDiff, unitClassOf: (unitId: string) => string): Promise<number> {
    const tableName = this.table.tableName;
    const batches = chunk(changesOf(tableName, diff));
    for (const batch of batches) {
      const counters: CounterChange[] = batch.flatMap((change) =>
        periodsOf(new Date(change.at)).map((period) => ({
          unitId: change.unitId,
          unitClass: unitClassOf(change.unitId),
          period,
          add: { points: change.cents / 100 },
        })),
      );
      await transact(
        this.table,
        [...batch.map((change) => change.action), ...counterUpdates(tableName, counters)],
        () => {
          throw new ConflictError('REPLAY_CONFLICT', '重算期间积分明细发生了变化，请重新执行重算');
        },
      );
    }
    return batches.length;
  }

  async putAudit(audit: ReplayAudit): Promise<void> {
    await this.table.client
      .send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { pk: `REPLAY#${audit.year}`, sk: `${audit.at}#${audit.replayId}`, type: 'replay', ...audit },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch(rethrowStoreError);
  }

  /** A year's replays, newest first. */
  async audits(year: number): Promise<ReplayAudit[]> {
    const rows = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `REPLAY#${year}` },
      ScanIndexForward: false,
    });
    return rows.map((row) => {
      const { pk: _pk, sk: _sk, type: _type, ...audit } = row;
      return audit as unknown as ReplayAudit;
    });
  }
}
