import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { parseStored } from '#shared/schemas/free-text';
import type { PersonActor } from '../../domain/actor';
import { ConflictError, UnprocessableError } from '../../errors';
import { type Bulletin, bulletin as bulletinSchema } from '../../schemas/bulletins';
import type { HistoryEvent, Item } from '../../schemas/items';
import type { OutboxEntry, PublishedBulletins } from '../ports';
import type { TableRef } from './client';
import { rethrowStoreError } from './errors';
import { historyPut } from './history';
import { storedItem } from './item-records';
import { keys } from './keys';
import { type CounterChange, counterUpdates, ledgerPuts, type StoredLedgerLine } from './ledger';
import { outboxPut } from './outbox';
import type { PersonCounterChange } from './person-counters';
import { queryAll } from './query';
import { type TransactItem, transact } from './transactions';

export interface SeriesCounter {
  lastYear: number;
  lastNumber: number;
  total: number;
}

export interface PublishWrite {
  bulletin: Bulletin;
  expectedVersion: number;
  /** The counter as read (undefined: never used), and its next value. */
  counter: { read: SeriesCounter | undefined; next: SeriesCounter };
  items: { item: Item; expectedVersion: number }[];
  events: { itemId: string; event: HistoryEvent }[];
  /** Adoption and point counters of each credited unit, in each period of the publication date. */
  counters: CounterChange[];
  /** The ledger lines the adoptions earn under the year's policy. */
  ledger: StoredLedgerLine[];
  /** The persons each adopted item credits: `adopted` in the 先进个人 figures, on their units' rows. */
  personCounters?: PersonCounterChange[];
  outbox?: OutboxEntry;
}

/** A draft saved with the editor's changes to its items' adopted text, each with its audit event. */
export interface DraftWrite {
  bulletin: Bulletin;
  expectedVersion: number;
  edits: { item: Item; expectedVersion: number; event: HistoryEvent }[];
}

/** Withdrawal: the issue leaves `published`, and the points and adoptions it earned are taken back. */
export interface WithdrawWrite {
  bulletin: Bulletin;
  expectedVersion: number;
  ledger: StoredLedgerLine[];
  counters: CounterChange[];
  /** The person who withdrew the issue, named on the reversing ledger lines. */
  byPerson?: PersonActor;
  /** The adoptions taken back from the credited persons' figures, on their units' rows. */
  personCounters?: PersonCounterChange[];
}

/** DynamoDB's limit on the actions of one transaction. */
const maxTransactionActions = 100;

function stored(bulletin: Bulletin) {
  return {
    ...keys.bulletin(bulletin.bulletinId),
    ...keys.bulletinIndexes(bulletin),
    type: 'bulletin',
    ...bulletin,
  };
}

const toBulletin = (raw: Record<string, unknown>): Bulletin => parseStored(bulletinSchema, raw);

/** A Put of a row that must still be at the version read and in the given status. */
function putIfAt(
  tableName: string,
  row: Record<string, unknown>,
  expectedVersion: number,
  status: string,
): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: row,
      ConditionExpression: 'version = :expected AND #status = :status',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':expected': expectedVersion, ':status': status },
    },
  };
}

export class DynamoBulletinStore implements PublishedBulletins {
  constructor(private readonly table: TableRef) {}

  async get(bulletinId: string): Promise<Bulletin | undefined> {
    const { Item: raw } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: keys.bulletin(bulletinId),
          ConsistentRead: true,
        }),
      )
      .catch(rethrowStoreError);
    return raw ? toBulletin(raw) : undefined;
  }

  async create(bulletin: Bulletin): Promise<void> {
    await transact(
      this.table,
      [
        {
          Put: {
            TableName: this.table.tableName,
            Item: stored(bulletin),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
      () => {
        throw new ConflictError('BULLETIN_EXISTS', '期刊编号冲突，请重试');
      },
    );
  }

  /**
   * Saves a draft and, in the same transaction, the adopted text the editor changed in it on
   * each item (still a candidate at the version read), so the item holds the text the issue
   * will print and the draft records the version it was saved against.
   */
  async saveDraft(write: DraftWrite): Promise<void> {
    const tableName = this.table.tableName;
    const actions: TransactItem[] = [
      putIfAt(tableName, stored(write.bulletin), write.expectedVersion, 'draft'),
      ...write.edits.flatMap(({ item, expectedVersion, event }): TransactItem[] => [
        putIfAt(tableName, storedItem(item), expectedVersion, 'candidate'),
        historyPut(tableName, item.itemId, event),
      ]),
    ];
    await transact(this.table, actions, (index) => {
      if (index === 0) throw new ConflictError('VERSION_CONFLICT', '这一期已被他人修改，请刷新后再操作');
      throw new ConflictError('DRAFT_STALE', '期内有稿件刚被他人处理或修改，请刷新草稿、核对后再操作');
    });
  }

  /** The adoption lines (and any reversal) a unit's ledger holds at one moment: one Query. */
  async ledgerAt(unitId: string, at: string): Promise<StoredLedgerLine[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :at)',
      ExpressionAttributeValues: { ':pk': `LEDGER#${unitId}`, ':at': `ENTRY#${at}#series:` },
    });
    return items.map((item) => {
      const { pk: _pk, sk: _sk, type: _type, ...line } = item;
      return line as unknown as StoredLedgerLine;
    });
  }

  /**
   * 撤回 in one transaction: the issue (still published at the version read) becomes withdrawn,
   * with the reversing ledger lines and the counters they move.
   */
  async withdraw(write: WithdrawWrite): Promise<void> {
    const tableName = this.table.tableName;
    const actions: TransactItem[] = [
      putIfAt(tableName, stored(write.bulletin), write.expectedVersion, 'published'),
      ...ledgerPuts(tableName, write.ledger, write.byPerson),
      ...counterUpdates(tableName, write.counters, write.personCounters),
    ];
    if (actions.length > maxTransactionActions) {
      throw new UnprocessableError('BULLETIN_TOO_LARGE', '本期署名单位过多，无法一次撤回，请联系系统管理员');
    }
    await transact(this.table, actions, (index) => {
      if (index === 0) throw new ConflictError('VERSION_CONFLICT', '这一期已被他人修改，请刷新后再操作');
      throw new ConflictError('ALREADY_WITHDRAWN', '这一期的积分已被撤回过，请刷新后再操作');
    });
  }

  /** A series' issues of one year: published by number, then drafts. */
  async ofSeriesYear(seriesId: string, year: number): Promise<Bulletin[]> {
    const items = await queryAll(this.table, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `BULLETINS#${seriesId}#${year}` },
    });
    return items.map(toBulletin);
  }

  async ofYear(year: number): Promise<Bulletin[]> {
    const items = await queryAll(this.table, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `PUBLISHED#${year}` },
      ScanIndexForward: false,
    });
    return items.map(toBulletin).filter((bulletin) => bulletin.status === 'published');
  }

  async years(): Promise<number[]> {
    const { Item: raw } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: keys.settings('ARCHIVE_YEARS'),
          ConsistentRead: true,
        }),
      )
      .catch(rethrowStoreError);
    const years = raw?.years instanceof Set ? [...raw.years] : Array.isArray(raw?.years) ? raw.years : [];
    return years
      .map(Number)
      .filter((year) => Number.isInteger(year))
      .sort((a, b) => b - a);
  }

  async counter(seriesId: string): Promise<SeriesCounter | undefined> {
    const { Item: raw } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: keys.seriesCounter(seriesId),
          ConsistentRead: true,
        }),
      )
      .catch(rethrowStoreError);
    if (!raw) return undefined;
    return { lastYear: Number(raw.lastYear), lastNumber: Number(raw.lastNumber), total: Number(raw.total) };
  }

  /**
   * Publishing is one transaction: the series counter moves only from the value it was read at
   * (so numbers have no gaps and no duplicates under concurrent publishes), the bulletin leaves
   * draft, every item goes candidate → adopted at the version read, with its audit event, the
   * adoption counters and the leaders' mail. Fails with `COUNTER_MOVED` when another publish won.
   */
  async publish(write: PublishWrite): Promise<void> {
    const tableName = this.table.tableName;
    const { read, next } = write.counter;
    const actions: TransactItem[] = [
      {
        Put: {
          TableName: tableName,
          Item: { ...keys.seriesCounter(write.bulletin.seriesId), ...next },
          ...(read
            ? {
                ConditionExpression: '#total = :total',
                ExpressionAttributeNames: { '#total': 'total' },
                ExpressionAttributeValues: { ':total': read.total },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
      putIfAt(tableName, stored(write.bulletin), write.expectedVersion, 'draft'),
      {
        Update: {
          TableName: tableName,
          Key: keys.settings('ARCHIVE_YEARS'),
          UpdateExpression: 'ADD years :year',
          ExpressionAttributeValues: { ':year': new Set([write.bulletin.year]) },
        },
      },
      ...write.items.map(({ item, expectedVersion }) =>
        putIfAt(tableName, storedItem(item), expectedVersion, 'candidate'),
      ),
      ...write.events.map(({ itemId, event }) => historyPut(tableName, itemId, event)),
      ...counterUpdates(tableName, write.counters, write.personCounters),
      ...ledgerPuts(tableName, write.ledger, write.events[0]?.event.byPerson),
      ...(write.outbox ? [outboxPut(tableName, write.outbox)] : []),
    ];
    if (actions.length > maxTransactionActions) {
      throw new UnprocessableError(
        'BULLETIN_TOO_LARGE',
        '本期稿件和署名单位过多，无法一次发布，请拆分为两期',
      );
    }
    await transact(this.table, actions, (index) => {
      if (index === 0) throw new ConflictError('COUNTER_MOVED', '期号已被另一期占用，请重试');
      if (index === 1)
        throw new ConflictError('VERSION_CONFLICT', '这一期已被他人修改或已发布，请刷新后再操作');
      throw new ConflictError(
        'ITEM_NOT_CANDIDATE',
        '期内有稿件已不是“拟采用”状态（可能已在另一期发布），请刷新后调整',
      );
    });
  }
}
