import { shanghaiDate } from '#shared/domain/periods';
import { BadRequestError } from '#shared/errors';
import { renderMessageDigest, renderReturnedMail } from '#shared/mail/messages';
import type { Message } from '#shared/schemas/messages';
import { deliverOnce } from '#shared/store/dynamo/job-mail';
import type { MessageMailDeps } from './deps';

export const messageMailJob = 'message-mail';
/** Sent-mail markers: a return per message and person; the digest per day and address. */
export const returnMailJob = 'message-return';
export const digestMailJob = 'message-digest';
/** The daily digest goes with the run scheduled at 17:00 Asia/Shanghai. */
export const digestHour = 17;

/** Whether a run (every 5 minutes) is the day's digest run: the one scheduled at 17:00 Beijing time. */
export function isDigestRun(scheduledTime: Date): boolean {
  const local = new Date(scheduledTime.getTime() + 8 * 3_600_000);
  return local.getUTCHours() === digestHour && local.getUTCMinutes() < 5;
}

type MessageMailRun = {
  job: string;
  people: number;
  returns: number;
  digests: number;
  dropped: number;
  failed: number;
};

/**
 * E-mail copies of 站内消息 for the people who asked for them: each 退回修改 at once (the next
 * five-minutely run), everything else in one digest a day (the 17:00 run; at most one a day — a
 * message arriving after it waits for the next day's). Sent-mail markers make a rerun send nothing
 * twice; a message leaves the queue once mailed, or at once when its person turned copies off or has
 * no e-mail address.
 */
export async function sendMessageMail(deps: MessageMailDeps, scheduledTime: string): Promise<MessageMailRun> {
  const at = new Date(scheduledTime);
  if (at.getTime() > deps.now().getTime() + 60_000) {
    throw new BadRequestError('PERIOD_IN_FUTURE', `计划时间 ${scheduledTime} 尚未到来`);
  }
  const digest = isDigestRun(at);
  const day = shanghaiDate(at);
  const run: MessageMailRun = {
    job: messageMailJob,
    people: 0,
    returns: 0,
    digests: 0,
    dropped: 0,
    failed: 0,
  };
  const byPerson = new Map<string, Message[]>();
  for (const { personId, message } of await deps.queue.pending()) {
    byPerson.set(personId, [...(byPerson.get(personId) ?? []), message]);
  }
  for (const [personId, messages] of byPerson) {
    run.people += 1;
    const person = (await deps.queue.wantsMail(personId)) ? await deps.people.get(personId) : undefined;
    if (!person?.active || !person.email) {
      for (const message of messages) await deps.queue.done(personId, message.messageId);
      run.dropped += messages.length;
      continue;
    }
    const email = person.email;
    for (const message of messages.filter((entry) => entry.kind === 'item-returned')) {
      const delivery = await deliverOnce(deps, returnMailJob, `${message.messageId}#${personId}`, [
        { to: email, mail: renderReturnedMail(person.name, message) },
      ]);
      run.failed += delivery.failed;
      if (delivery.failed > 0) continue;
      run.returns += delivery.sent;
      await deps.queue.done(personId, message.messageId);
    }
    const others = messages
      .filter((entry) => entry.kind !== 'item-returned')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    if (!digest || others.length === 0) continue;
    const delivery = await deliverOnce(deps, digestMailJob, `${day}#${personId}`, [
      { to: email, mail: renderMessageDigest(person.name, day, others) },
    ]);
    run.failed += delivery.failed;
    // Already sent today (a rerun): what waits now goes with tomorrow's digest.
    if (delivery.sent === 0) continue;
    run.digests += 1;
    for (const message of others) await deps.queue.done(personId, message.messageId);
  }
  return run;
}
