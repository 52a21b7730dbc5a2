import { commissionDueMessage } from '#shared/domain/messages';
import { yearOf } from '#shared/domain/periods';
import { BadRequestError } from '#shared/errors';
import { renderCommissionReminder } from '#shared/mail/commission-reminder';
import { deliverMessages } from '#shared/store/deliver-messages';
import { type DeliveryResult, deliverOnce } from '#shared/store/dynamo/job-mail';
import type { CommissionReminderDeps } from './deps';

export const commissionReminderJob = 'commission-reminder';

/** How far ahead a deadline must be for the reminder: a constant, not part of the scoring policy. */
export const reminderWindowDays = 3;

/** What a run did; a type literal (not an interface) so the logger takes it as attributes. */
type ReminderRun = { job: string; commissions: number; units: number } & {
  [Key in keyof DeliveryResult]: number;
};

/**
 * 约稿提醒: every unit that has not answered a 约稿 whose deadline falls within the next three days
 * gets one reminder per commission (markers keyed by commission and unit, so the daily run reminds
 * once however many days the window spans). Nothing is sent when nothing is due.
 */
export async function sendCommissionReminders(deps: CommissionReminderDeps, scheduledTime: string) {
  const at = new Date(scheduledTime);
  if (at.getTime() > deps.now().getTime()) {
    throw new BadRequestError('PERIOD_IN_FUTURE', `计划时间 ${scheduledTime} 尚未到来`);
  }
  const until = new Date(at.getTime() + reminderWindowDays * 86_400_000);
  const years = [...new Set([yearOf(at), yearOf(until)])].map(Number);
  const due = (await Promise.all(years.map((year) => deps.commissions.ofYear(year))))
    .flat()
    .filter((commission) => {
      const deadline = Date.parse(commission.deadline);
      return deadline > at.getTime() && deadline <= until.getTime();
    })
    .sort((a, b) => a.deadline.localeCompare(b.deadline));
  const result: ReminderRun = {
    job: commissionReminderJob,
    commissions: due.length,
    units: 0,
    recipients: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
  };
  if (due.length === 0) return result;
  const units = new Map((await deps.units.list()).map((unit) => [unit.id, unit]));
  for (const { commissionId } of due) {
    const entry = await deps.commissions.get(commissionId);
    if (!entry) continue;
    for (const row of entry.units.filter((unitRow) => unitRow.status === 'pending')) {
      const unit = units.get(row.unitId);
      if (!unit?.active) continue;
      // 站内消息 to the unit's people (one per commission and person, however often the job runs).
      await deliverMessages(deps.messages, [
        commissionDueMessage(entry.commission, unit.id, at.toISOString()),
      ]);
      const mail = renderCommissionReminder({
        unitName: unit.name,
        commissionId,
        topic: entry.commission.topic,
        requirements: entry.commission.requirements,
        deadline: entry.commission.deadline,
      });
      const messages = unit.contacts.map((contact) => ({ to: contact.email, mail }));
      const delivery = await deliverOnce(deps, commissionReminderJob, `${commissionId}#${unit.id}`, messages);
      result.units += 1;
      result.recipients += delivery.recipients;
      result.sent += delivery.sent;
      result.skipped += delivery.skipped;
      result.failed += delivery.failed;
    }
  }
  return result;
}
