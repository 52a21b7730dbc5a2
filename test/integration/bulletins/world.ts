/**
 * The bulletin use cases wired as their handlers wire them, over a fresh table in the local
 * DynamoDB emulator: submit, revise, decide, edit, draft, publish, withdraw. Archive objects and
 * the issue files are kept in memory (or a caller's store), so a test can read everything written.
 */
import { randomBytes } from 'node:crypto';
import type { BulletinsDeps } from '../../../functions/bulletins/deps';
import type { ItemsDeps } from '../../../functions/items/deps';
import { submitItem } from '../../../functions/items/submit-item/use-case';
import type { PolicyDeps } from '../../../functions/policy/deps';
import type { ReviewDeps } from '../../../functions/review/deps';
import { localDynamoClient } from '../../../infra/local/aws';
import { ensureTable } from '../../../infra/local/provision';
import { MemoryArchiveObjects } from '../../../shared/archive/objects';
import { StaticArchivePublisher } from '../../../shared/archive/publisher';
import { renderBulletinRecord } from '../../../shared/archive/render/record';
import { archivedSeriesFrom } from '../../../shared/archive/series';
import type { Principal, UnitPrincipal } from '../../../shared/domain/roles';
import type { Item, ItemSubmit } from '../../../shared/schemas/items';
import { DynamoBulletinStore } from '../../../shared/store/dynamo/bulletins';
import { documentClient, type TableRef } from '../../../shared/store/dynamo/client';
import { DynamoCommissionStore } from '../../../shared/store/dynamo/commissions';
import { DynamoFactStore } from '../../../shared/store/dynamo/facts';
import { DynamoHistoryStore } from '../../../shared/store/dynamo/history';
import { DynamoItemStore } from '../../../shared/store/dynamo/items';
import { DynamoPolicyStore } from '../../../shared/store/dynamo/policy';
import { DynamoReplayStore } from '../../../shared/store/dynamo/replays';
import { DynamoScoringFactStore } from '../../../shared/store/dynamo/scoring-facts';
import { DynamoSeriesStore } from '../../../shared/store/dynamo/series';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';
import type { BulletinFiles, StoredFile } from '../../../shared/store/s3/bulletin-files';
import { inProcessIndexer } from '../../support/duplicate-index';

export const editor: Principal = { role: 'editor', tokenId: 'tk_editor00000000000000000' };
export const admin: Principal = { role: 'admin', tokenId: 'tk_admin000000000000000000' };
export const reporter = (unitId: string): UnitPrincipal => ({
  role: 'reporter',
  tokenId: `tk_reporter${unitId}`,
  unitId,
});

/** The issue files in memory; `keys()` is what a listing of the bucket would show. */
export class MemoryBulletinFiles implements BulletinFiles {
  readonly files = new Map<string, Buffer>();
  async put(key: string, body: Buffer): Promise<StoredFile> {
    this.files.set(key, body);
    return { key, sha256: 'sha', size: body.length };
  }
  async delete(key: string) {
    this.files.delete(key);
  }
  async presignGet(key: string) {
    return `memory://${key}`;
  }
}

export const unitIds = ['weicheng', 'gaomi'] as const;

/** A submission that passes every check; tests override what they are about. */
export function submission(title: string, extra: Partial<ItemSubmit> = {}): ItemSubmit {
  return {
    title,
    body: `${title}。全区上下扎实推进各项工作，新建改造供热管网12公里，群众满意度明显提升，相关做法得到上级肯定。`,
    eventDate: '2026-11-01',
    urgency: 'normal',
    openness: 'public',
    secrecy: 'non-secret',
    approver: '张主任',
    author: { name: '李四', phone: '0536-1234567' },
    ...extra,
  };
}

export interface World {
  table: TableRef;
  items: ItemsDeps;
  review: ReviewDeps;
  bulletins: BulletinsDeps;
  policy: PolicyDeps;
  objects: MemoryArchiveObjects;
  /** Moves the clock on; every `now()` is one second after the last. */
  clock: { at: number };
  submit(unitId: string, body: ItemSubmit): Promise<Item>;
}

/**
 * A fresh table with two county units, and every use case's deps over it. The clock starts on
 * `start` and ticks a second per read, so ids and ledger lines keep their order.
 */
export async function newWorld(
  dynamodbEndpoint: string,
  options: {
    start?: string;
    files?: BulletinFiles;
    renderDocx?: BulletinsDeps['renderDocx'];
  } = {},
): Promise<World> {
  const dynamo = localDynamoClient(dynamodbEndpoint);
  const tableName = `bulletins-${randomBytes(4).toString('hex')}`;
  await ensureTable(dynamo, tableName);
  const table: TableRef = { client: documentClient(dynamo), tableName };
  const clock = { at: Date.parse(options.start ?? '2026-11-02T02:00:00.000Z') };
  const now = () => {
    clock.at += 1000;
    return new Date(clock.at);
  };
  const units = new DynamoUnitStore(table);
  for (const id of unitIds) {
    await units.create({
      id,
      name: id === 'weicheng' ? '潍城区人民政府' : '高密市人民政府',
      class: 'county',
      contacts: [],
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
    });
  }
  const itemStore = new DynamoItemStore(table);
  const policies = new DynamoPolicyStore(table);
  const scoringFacts = new DynamoScoringFactStore(table);
  const bulletinStore = new DynamoBulletinStore(table);
  const series = new DynamoSeriesStore(table);
  const objects = new MemoryArchiveObjects();
  const items: ItemsDeps = {
    items: itemStore,
    units,
    history: new DynamoHistoryStore(table),
    mail: { dispatch: async () => {} },
    duplicateIndex: inProcessIndexer(table),
    scoring: { policies, commissions: new DynamoCommissionStore(table) },
    now,
  };
  const bulletins: BulletinsDeps = {
    bulletins: bulletinStore,
    items: itemStore,
    units,
    series,
    policies,
    files: options.files ?? new MemoryBulletinFiles(),
    archive: new StaticArchivePublisher({
      bulletins: bulletinStore,
      objects,
      isArchivedSeries: archivedSeriesFrom(series),
      officeName: '潍坊市人民政府办公室',
    }),
    mail: { dispatch: async () => {} },
    renderDocx:
      options.renderDocx ?? (async (bulletin) => Buffer.from(JSON.stringify(bulletin.items), 'utf8')),
    renderRecord: renderBulletinRecord,
    officeName: '潍坊市人民政府办公室',
    now,
  };
  const policy: PolicyDeps = {
    policies,
    units,
    scoringFacts: (year) => scoringFacts.ofYear(year),
    publishedIssues: (year) => bulletinStore.ofYear(year),
    itemFacts: (itemId) => new DynamoFactStore(table).ofItem(itemId),
    replays: new DynamoReplayStore(table),
    now,
  };
  return {
    table,
    items,
    review: { items: itemStore, now },
    bulletins,
    policy,
    objects,
    clock,
    submit: (unitId, body) => submitItem(items, reporter(unitId), body),
  };
}
