import type {
  DuplicateIndexRequester,
  HistoryStore,
  ItemStore,
  MailDispatcher,
  PersonStore,
  UnitStore,
} from '#shared/store/ports';
import type { SubmitScoringDeps } from './submit-item/scoring';

export interface ItemsDeps {
  items: ItemStore;
  units: UnitStore;
  /**
   * The signed-in person's profile, read only when the 执笔人 is left empty (the handler always
   * sets it; a test world that signs nobody in may leave it out).
   */
  people?: Pick<PersonStore, 'get'>;
  history: HistoryStore;
  mail: MailDispatcher;
  /** Writes a new item's near-duplicate bucket rows after its commit (the LSH indexer). */
  duplicateIndex: DuplicateIndexRequester;
  scoring: SubmitScoringDeps;
  now: () => Date;
}
