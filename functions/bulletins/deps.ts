import type { Bulletin } from '#shared/schemas/bulletins';
import type { DynamoBulletinStore } from '#shared/store/dynamo/bulletins';
import type { PolicyStore } from '#shared/store/dynamo/policy';
import type {
  ArchivePublisher,
  ItemRecords,
  MailDispatcher,
  MessageWriter,
  SeriesStore,
  UnitStore,
} from '#shared/store/ports';
import type { BulletinFiles } from '#shared/store/s3/bulletin-files';

export type BulletinStore = Pick<
  DynamoBulletinStore,
  'get' | 'create' | 'saveDraft' | 'ofSeriesYear' | 'counter' | 'publish' | 'ledgerAt' | 'withdraw'
>;

/** What the drafting routes need (the bulletins function): the table only. */
export interface DraftDeps {
  bulletins: BulletinStore;
  items: ItemRecords;
  units: UnitStore;
  series: SeriesStore;
  now: () => Date;
}

/** What publishing needs besides (the publishing function): files, the archive, mail, Word. */
export interface BulletinsDeps extends DraftDeps {
  policies: Pick<PolicyStore, 'latest'>;
  files: BulletinFiles;
  archive: ArchivePublisher;
  mail: MailDispatcher;
  renderDocx: (
    bulletin: Bulletin,
    options: { officeName: string; includeInternal: boolean },
  ) => Promise<Buffer>;
  renderRecord: (bulletin: Bulletin, officeName: string) => string;
  officeName: string;
  /** 站内消息 (已采用) for the credited units' people; a test world may leave it out. */
  messages?: MessageWriter;
}
