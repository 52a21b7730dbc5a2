import type { HistoryStore, ItemStore, MailDispatcher, UnitStore } from '#shared/store/ports';
import type { SubmitScoringDeps } from './submit-item/scoring';

export interface ItemsDeps {
  items: ItemStore;
  units: UnitStore;
  history: HistoryStore;
  mail: MailDispatcher;
  scoring: SubmitScoringDeps;
  now: () => Date;
}
