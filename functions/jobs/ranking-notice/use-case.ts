import { closeMonth } from '#functions/jobs/month-close/use-case';
import { rankingsOf } from '#functions/scores/get-rankings/rankings-of';
import { monthOf } from '#shared/domain/periods';
import { parsePeriod, periodEnd, previousPeriod } from '#shared/domain/ranking';
import { BadRequestError } from '#shared/errors';
import { rankingPageUrl, renderRankingNotice } from '#shared/mail/ranking-notice';
import { deliverOnce, type OutgoingMail } from '#shared/store/dynamo/job-mail';
import type { RankingJobDeps } from './deps';

export const rankingJob = 'ranking';

/** The month whose notice a run sends: the one given, or the month before the scheduled time (Shanghai). */
export function noticePeriod(scheduledTime: string, period?: string): string {
  const chosen = period ?? previousPeriod(monthOf(new Date(scheduledTime)));
  if (!chosen || parsePeriod(chosen)?.kind !== 'month') {
    throw new BadRequestError('PERIOD_INVALID', `统计期“${period ?? ''}”格式不对，应为 2026-10 这样的月份`);
  }
  return chosen;
}

/**
 * The monthly notice (采用情况通报): the month is closed first (the month-close use case, idempotent:
 * a month already closed writes nothing), so its quota and missed-约稿 lines are in the scores the
 * notice is made from — the notice is stored once and never recomputed. Then both classes'
 * rankings from the scores use case, stored once per month, published to the archive (page with a
 * score chart, linked from the notices index), then mailed once per address to every leader
 * recipient and every active unit's contacts. A rerun publishes the stored notice again (same
 * page) and mails nobody twice.
 *
 * A rerun is a few rounds of reads: the close's check, the stored notice and the recipients
 * together; then the archive's writes beside the read of the sent-mail markers.
 */
export async function sendRankingNotice(deps: RankingJobDeps, scheduledTime: string, period?: string) {
  const month = noticePeriod(scheduledTime, period);
  const end = periodEnd(month);
  if (!end || end.getTime() > deps.now().getTime()) {
    throw new BadRequestError('PERIOD_NOT_FINISHED', `统计期 ${month} 尚未结束，不能通报`);
  }
  // A stored notice was made after an earlier run's close: reading it beside this close is safe.
  const [closed, stored, leaders, units] = await Promise.all([
    closeMonth(deps.monthClose, scheduledTime, month),
    deps.notices.get(month),
    deps.leaders.getLeaderRecipients(),
    deps.scores.units.list(),
  ]);
  const notice =
    stored ??
    (await deps.notices.saveOnce({
      month,
      rankings: await rankingsOf(deps.scores, { period: month }),
      createdAt: deps.now().toISOString(),
    }));
  const mail = renderRankingNotice(month, notice.rankings, rankingPageUrl(deps.archiveUrl, month));
  const messages: OutgoingMail[] = [
    ...(leaders?.recipients ?? []).map((leader) => ({ to: leader.email, mail })),
    ...units
      .filter((unit) => unit.active)
      .flatMap((unit) => unit.contacts.map((contact) => ({ to: contact.email, mail }))),
  ];
  // The page is written before any mail linking to it is sent; the markers are read meanwhile.
  const [published, claimed] = await Promise.all([
    deps.archive.rankingNoticePublished(month, notice.rankings),
    messages.length > 0 ? deps.marks.claimedAddresses(rankingJob, month) : new Set<string>(),
  ]);
  const delivery = await deliverOnce(deps, rankingJob, month, messages, claimed);
  return { job: rankingJob, period: month, closeLines: closed.lines, published, ...delivery };
}
