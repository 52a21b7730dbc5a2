/** The 约稿 reminder job's wiring: commissions, units, the SES sender and the sent-mail markers. */
import { logger } from '#shared/http/logger';
import type { TableRef } from '#shared/store/dynamo/client';
import { DynamoCommissionStore } from '#shared/store/dynamo/commissions';
import { DynamoJobMailStore, type JobMailDeps } from '#shared/store/dynamo/job-mail';
import { DynamoMessageWriter } from '#shared/store/dynamo/messages';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import type { MessageWriter, UnitStore } from '#shared/store/ports';
import type { MailSender } from '#shared/store/ses/mail-sender';

export interface CommissionReminderDeps extends JobMailDeps {
  commissions: Pick<DynamoCommissionStore, 'ofYear' | 'get'>;
  units: Pick<UnitStore, 'list'>;
  /** 站内消息 (约稿即将截止) for the units' people; a test world may leave it out. */
  messages?: MessageWriter;
}

export function commissionReminderDeps(table: TableRef, sender: MailSender): CommissionReminderDeps {
  return {
    commissions: new DynamoCommissionStore(table),
    units: new DynamoUnitStore(table),
    messages: new DynamoMessageWriter(table),
    marks: new DynamoJobMailStore(table),
    sender,
    now: () => new Date(),
    log: { warn: (message, extra) => logger.warn(message, extra) },
  };
}
