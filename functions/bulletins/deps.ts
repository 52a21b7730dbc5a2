import type { Bulletin } from '#shared/schemas/bulletins';
import type { DynamoBulletinStore } from '#shared/store/dynamo/bulletins';
import type { PolicyStore } from '#shared/store/dynamo/policy';
import type {
  ArchivePublisher,
  ItemStore,
  MailDispatcher,
  SeriesStore,
  UnitStore,
} from '#shared/store/ports';
import type { BulletinFiles } from '#shared/store/s3/bulletin-files';

export type BulletinStore = Pick<
  DynamoBulletinStore,
  'get' | 'create' | 'saveDraft' | 'ofSeriesYear' | 'counter' | 'publish' | 'ledgerAt' | 'withdraw'
>;

export interface BulletinsDeps {
  bulletins: BulletinStore;
  items: ItemStore;
  units: UnitStore;
  series: SeriesStore;
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
  now: () => Date;
}
