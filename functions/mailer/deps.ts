import type { Logger } from '@aws-lambda-powertools/logger';
import type { UrgentItemAlert } from '#shared/mail/urgent-item';
import type { OutboxStore } from '#shared/store/dynamo/outbox';
import type { SettingsStore, UnitStore } from '#shared/store/ports';
import type { MailSender } from '#shared/store/ses/mail-sender';

/** The fields of an item the alert shows. */
export type AlertItem = UrgentItemAlert['item'] & { unitId: string };

export interface AlertItemReader {
  get(itemId: string): Promise<AlertItem | undefined>;
}

export interface MailerDeps {
  outbox: OutboxStore;
  items: AlertItemReader;
  units: Pick<UnitStore, 'get'>;
  settings: Pick<SettingsStore, 'getDutyRecipients'>;
  sender: MailSender;
  now: () => Date;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/** Attempts per entry (each claim counts one); after the last failure the entry is `failed`. */
export const maxAttempts = 8;
