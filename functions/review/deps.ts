import type { ItemRecords, MessageWriter } from '#shared/store/ports';

export interface ReviewDeps {
  items: ItemRecords;
  /** 站内消息 for the unit's people (a return); a test world without messages may leave it out. */
  messages?: MessageWriter;
  now: () => Date;
}
