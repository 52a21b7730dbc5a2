/** The overdue job's wiring: the mail-job deps plus each week's stored per-unit colours. */
import type { TableRef } from '#shared/store/dynamo/client';
import { DynamoMessageWriter } from '#shared/store/dynamo/messages';
import { DynamoOverdueWeekStore, type OverdueWeekStore } from '#shared/store/dynamo/overdue-weeks';
import type { MessageWriter } from '#shared/store/ports';
import type { MailSender } from '#shared/store/ses/mail-sender';
import { type MailJobDeps, mailJobDeps } from '../mail-job-deps';

export interface OverdueJobDeps extends MailJobDeps {
  weeks: OverdueWeekStore;
  /** 站内消息 (批示反馈逾期) for the units' people; a test world may leave it out. */
  messages?: MessageWriter;
}

export function overdueJobDeps(table: TableRef, sender: MailSender): OverdueJobDeps {
  return {
    ...mailJobDeps(table, sender),
    weeks: new DynamoOverdueWeekStore(table),
    messages: new DynamoMessageWriter(table),
  };
}
