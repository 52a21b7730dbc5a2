import { overdueFigures } from '#functions/scores/get-overdue/use-case';
import { instructionFeedbackDueMessage } from '#shared/domain/messages';
import { BadRequestError } from '#shared/errors';
import { renderOverdueEscalation, renderOverdueReminder, renderOverdueReport } from '#shared/mail/overdue';
import { deliverMessages } from '#shared/store/deliver-messages';
import { deliverOnce, type OutgoingMail } from '#shared/store/dynamo/job-mail';
import type { OverdueJobDeps } from './deps';

export const overdueJob = 'overdue';
/** Escalations have their own markers: a head who is also a contact gets both mails. */
export const escalationJob = 'overdue-escalation';

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
 * leaders and the office's duty recipients and, to each red / amber unit's contacts, that unit's
 * own reasons. A unit red this week and last week (the stored weekly colours) also gets its
 * reminder escalated to its head. Idempotent per ISO week.
 */
export async function sendOverdueReport(deps: OverdueJobDeps, scheduledTime: string, period?: string) {
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
  // The report, the recipients, both weeks' colours and the sent-mail markers: one round of reads.
  const [{ report, feedback }, leaders, duty, units, lastWeek, recorded, claimed] = await Promise.all([
    overdueFigures({ ...deps.scores, now: () => at }),
    deps.leaders.getLeaderRecipients(),
    deps.duty.getDutyRecipients(),
    deps.scores.units.list(),
    deps.weeks.colours(isoWeekOf(new Date(at.getTime() - 7 * 86_400_000))),
    deps.weeks.colours(week),
    deps.marks.claimedAddresses(overdueJob, week),
  ]);
  // A rerun finds the week's colours as first recorded; the first run records them (once).
  const thisWeek =
    recorded ??
    (await deps.weeks.recordOnce(
      week,
      Object.fromEntries(report.units.map((row) => [row.unitId, row.status])),
      deps.now().toISOString(),
    ));
  const full = renderOverdueReport(week, report);
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const flagged = report.units.filter((row) => row.status !== 'green');
  const messages: OutgoingMail[] = [
    ...(leaders?.recipients ?? []).map((leader) => ({ to: leader.email, mail: full })),
    ...(duty?.recipients ?? []).map((recipient) => ({ to: recipient.email, mail: full })),
    ...flagged.flatMap((row) => {
      const mail = renderOverdueReminder(week, row);
      return (byId.get(row.unitId)?.contacts ?? []).map((contact) => ({ to: contact.email, mail }));
    }),
  ];
  const escalations: OutgoingMail[] = flagged.flatMap((row) => {
    const head = byId.get(row.unitId)?.headEmail;
    const twiceRed = thisWeek[row.unitId] === 'red' && lastWeek?.[row.unitId] === 'red';
    return head && twiceRed ? [{ to: head, mail: renderOverdueEscalation(week, row) }] : [];
  });
  // 站内消息: each 批示 whose 落实反馈 is past due, once per instruction and person of the unit.
  await deliverMessages(
    deps.messages,
    [...feedback].flatMap(([unitId, owed]) =>
      owed.flatMap((entry) =>
        entry.instructionId && entry.itemId
          ? [
              instructionFeedbackDueMessage(
                { ...entry, instructionId: entry.instructionId, itemId: entry.itemId },
                unitId,
                at.toISOString(),
              ),
            ]
          : [],
      ),
    ),
  );
  const delivery = await deliverOnce(deps, overdueJob, week, messages, claimed);
  const escalated = await deliverOnce(deps, escalationJob, week, escalations);
  return {
    job: overdueJob,
    period: week,
    red: report.red,
    amber: report.amber,
    ...delivery,
    escalated: escalated.recipients,
    escalationsSent: escalated.sent,
    failed: delivery.failed + escalated.failed,
  };
}
