import type {
  DuplicateIndexRequester,
  HistoryStore,
  ItemStore,
  MailDispatcher,
  UnitStore,
} from '#shared/store/ports';
import type { SubmitScoringDeps } from './submit-item/scoring';

export interface ItemsDeps {
  items: ItemStore;
  units: UnitStore;
  history: HistoryStore;
  mail: MailDispatcher;
  /** Writes a new item's near-duplicate bucket rows after its commit (the LSH indexer). */
  duplicateIndex: DuplicateIndexRequester;
  scoring: SubmitScoringDeps;
  now: () => Date;
}
