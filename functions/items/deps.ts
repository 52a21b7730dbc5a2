import type { HistoryStore, ItemStore, MailDispatcher, UnitStore } from '#shared/store/ports';

export interface ItemsDeps {
  items: ItemStore;
  units: UnitStore;
  history: HistoryStore;
  mail: MailDispatcher;
  now: () => Date;
}
