import type { ItemStore } from '#shared/store/ports';

export interface ReviewDeps {
  items: ItemStore;
  now: () => Date;
}
