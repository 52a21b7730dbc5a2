/** The 约稿 reminder job's wiring: commissions, units, the SES sender and the sent-mail markers. */
import { logger } from '#shared/http/logger';
import type { TableRef } from '#shared/store/dynamo/client';
import { DynamoCommissionStore } from '#shared/store/dynamo/commissions';
import { DynamoJobMailStore, type JobMailDeps } from '#shared/store/dynamo/job-mail';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import type { UnitStore } from '#shared/store/ports';
import type { MailSender } from '#shared/store/ses/mail-sender';

export interface CommissionReminderDeps extends JobMailDeps {
  commissions: Pick<DynamoCommissionStore, 'ofYear' | 'get'>;
  units: Pick<UnitStore, 'list'>;
}

export function commissionReminderDeps(table: TableRef, sender: MailSender): CommissionReminderDeps {
  return {
    commissions: new DynamoCommissionStore(table),
    units: new DynamoUnitStore(table),
    marks: new DynamoJobMailStore(table),
    sender,
    now: () => new Date(),
    log: { warn: (message, extra) => logger.warn(message, extra) },
  };
}
