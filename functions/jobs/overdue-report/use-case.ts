import { getOverdue } from '#functions/scores/get-overdue/use-case';
import { BadRequestError } from '#shared/errors';
import { renderOverdueReminder, renderOverdueReport } from '#shared/mail/overdue';
import { deliverOnce, type OutgoingMail } from '#shared/store/dynamo/job-mail';
import type { MailJobDeps } from '../ranking-notice/deps';

export const overdueJob = 'overdue';

/** The ISO week (`2026-W45`) a moment falls in, in Asia/Shanghai. */
export function isoWeekOf(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const day = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * The weekly overdue report: the scores use case's report as of the scheduled time, in full to the
 * leaders and, to each red / amber unit's contacts, that unit's own reasons. Idempotent per ISO week.
 */
export async function sendOverdueReport(deps: MailJobDeps, scheduledTime: string, period?: string) {
  const at = new Date(scheduledTime);
  const week = isoWeekOf(at);
  if (period !== undefined && period !== week) {
    throw new BadRequestError(
      'PERIOD_INVALID',
      `督办通报按计划时间所在的周（${week}）发送；要补发其他周，请用 --time 指定该周内的时间`,
    );
  }
  if (at.getTime() > deps.now().getTime()) {
    throw new BadRequestError('PERIOD_IN_FUTURE', `计划时间 ${scheduledTime} 尚未到来`);
  }
  const report = await getOverdue({ ...deps.scores, now: () => at });
  const [leaders, units] = await Promise.all([deps.leaders.getLeaderRecipients(), deps.scores.units.list()]);
  const full = renderOverdueReport(week, report);
  const contacts = new Map(units.map((unit) => [unit.id, unit.contacts]));
  const messages: OutgoingMail[] = [
    ...(leaders?.recipients ?? []).map((leader) => ({ to: leader.email, mail: full })),
    ...report.units
      .filter((row) => row.status !== 'green')
      .flatMap((row) => {
        const mail = renderOverdueReminder(week, row);
        return (contacts.get(row.unitId) ?? []).map((contact) => ({ to: contact.email, mail }));
      }),
  ];
  const delivery = await deliverOnce(deps, overdueJob, week, messages);
  return { job: overdueJob, period: week, red: report.red, amber: report.amber, ...delivery };
}
