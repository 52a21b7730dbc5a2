import type { ItemRecords } from '#shared/store/ports';

export interface ReviewDeps {
  items: ItemRecords;
  now: () => Date;
}
