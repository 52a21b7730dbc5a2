/** The overdue job's wiring: the mail-job deps plus each week's stored per-unit colours. */
import type { TableRef } from '#shared/store/dynamo/client';
import { DynamoOverdueWeekStore, type OverdueWeekStore } from '#shared/store/dynamo/overdue-weeks';
import type { MailSender } from '#shared/store/ses/mail-sender';
import { type MailJobDeps, mailJobDeps } from '../mail-job-deps';

export interface OverdueJobDeps extends MailJobDeps {
  weeks: OverdueWeekStore;
}

export function overdueJobDeps(table: TableRef, sender: MailSender): OverdueJobDeps {
  return { ...mailJobDeps(table, sender), weeks: new DynamoOverdueWeekStore(table) };
}
