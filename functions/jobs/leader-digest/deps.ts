/** The digest job's wiring: the mail-job deps plus the item index reads. */

import type { TableRef } from '#shared/store/dynamo/client';
import { DynamoItemStore } from '#shared/store/dynamo/items';
import type { ItemStore } from '#shared/store/ports';
import type { MailSender } from '#shared/store/ses/mail-sender';
import { type MailJobDeps, mailJobDeps } from '../mail-job-deps';

export interface DigestDeps extends MailJobDeps {
  items: Pick<ItemStore, 'page'>;
}

export function digestDeps(table: TableRef, sender: MailSender): DigestDeps {
  return { ...mailJobDeps(table, sender), items: new DynamoItemStore(table) };
}
