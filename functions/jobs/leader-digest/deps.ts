/** The digest job's wiring: the mail-job deps plus the item index reads. */

import type { TableRef } from '#shared/store/dynamo/client';
import { DynamoItemRecords } from '#shared/store/dynamo/item-records';
import type { ItemRecords } from '#shared/store/ports';
import type { MailSender } from '#shared/store/ses/mail-sender';
import { type MailJobDeps, mailJobDeps } from '../mail-job-deps';

export interface DigestDeps extends MailJobDeps {
  items: Pick<ItemRecords, 'page'>;
}

export function digestDeps(table: TableRef, sender: MailSender): DigestDeps {
  return { ...mailJobDeps(table, sender), items: new DynamoItemRecords(table) };
}
