/** The ranking job's wiring: the mail-job deps, the month close it runs first, the stored notices and the archive. */
import { type MonthCloseDeps, monthCloseDeps } from '#functions/jobs/month-close/deps';
import { archivePublisherFromEnvironment } from '#shared/archive/environment';
import type { StaticArchivePublisher } from '#shared/archive/publisher';
import { readOptionalConfig } from '#shared/config';
import type { TableRef } from '#shared/store/dynamo/client';
import { DynamoRankingNoticeStore, type RankingNoticeStore } from '#shared/store/dynamo/ranking-notices';
import type { MailSender } from '#shared/store/ses/mail-sender';
import { type MailJobDeps, mailJobDeps } from '../mail-job-deps';

export { type MailJobDeps, mailJobDeps, scoresDeps } from '../mail-job-deps';

export interface RankingJobDeps extends MailJobDeps {
  /** The month close the notice runs first (its quota and missed-约稿 lines belong in the notice). */
  monthClose: MonthCloseDeps;
  notices: Pick<RankingNoticeStore, 'get' | 'saveOnce'>;
  archive: Pick<StaticArchivePublisher, 'rankingNoticePublished'>;
  /** The archive site's base URL, for the link in the mail; absent when not configured. */
  archiveUrl?: string | undefined;
}

export function rankingJobDeps(table: TableRef, sender: MailSender): RankingJobDeps {
  const mail = mailJobDeps(table, sender);
  return {
    ...mail,
    // The close and the notice's recipients list the units at the same moment: one read.
    monthClose: { ...monthCloseDeps(table), units: mail.scores.units },
    notices: new DynamoRankingNoticeStore(table),
    archive: archivePublisherFromEnvironment(table).publisher,
    archiveUrl: readOptionalConfig('archiveUrl'),
  };
}
