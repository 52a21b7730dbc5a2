import type { Logger } from '#shared/http/logger';
import type { UrgentItemAlert } from '#shared/mail/urgent-item';
import type { Bulletin } from '#shared/schemas/bulletins';
import type { OutboxStore } from '#shared/store/dynamo/outbox';
import type { LeaderRecipientsStore, SeriesStore, SettingsStore, UnitStore } from '#shared/store/ports';
import type { MailSender } from '#shared/store/ses/mail-sender';

/** The fields of an item the alert shows. */
export type AlertItem = UrgentItemAlert['item'] & { unitId: string };

export interface AlertItemReader {
  get(itemId: string): Promise<AlertItem | undefined>;
}

/** Reads one bulletin (any status) for the publish mail. */
export interface MailBulletinReader {
  get(bulletinId: string): Promise<Bulletin | undefined>;
}

export interface MailerDeps {
  outbox: OutboxStore;
  items: AlertItemReader;
  units: Pick<UnitStore, 'get'>;
  settings: Pick<SettingsStore, 'getDutyRecipients'>;
  /** `bulletin-published` entries: the bulletin, the leaders who want it, and whether its series is archived. */
  bulletins: MailBulletinReader;
  leaders: Pick<LeaderRecipientsStore, 'getLeaderRecipients'>;
  series: Pick<SeriesStore, 'list'>;
  /** Public base URL of the archive site (XINBAO_ARCHIVE_URL); no link in mails without it. */
  archiveUrl?: string | undefined;
  /** 编发单位 (XINBAO_OFFICE_NAME), named in the publish mail's closing line. */
  officeName?: string | undefined;
  sender: MailSender;
  now: () => Date;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/** Attempts per entry (each claim counts one); after the last failure the entry is `failed`. */
export const maxAttempts = 8;
