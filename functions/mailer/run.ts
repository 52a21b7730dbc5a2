import * as z from 'zod/mini';
import { jobEvent } from '#events/job-event';
import type { MailerDeps } from './deps';
import { sendEntries } from './send-entry/use-case';
import { sweepOutbox } from './sweep-outbox/use-case';

/** The job name of the `mail-outbox-sweep` schedule (events/schedules.ts). */
export const sweepJob = 'mail-outbox';

/** `{ kind: 'send', messageIds }` from an asynchronous invoke, or the sweep's job event. */
export const mailerEvent = z.union([
  z.strictObject({
    kind: z.literal('send'),
    messageIds: z
      .array(z.string().check(z.minLength(1)).check(z.maxLength(200)))
      .check(z.minLength(1))
      .check(z.maxLength(100)),
  }),
  jobEvent,
]);
export type MailerEvent = z.infer<typeof mailerEvent>;

export async function runMailer(deps: MailerDeps, event: MailerEvent) {
  if ('kind' in event) {
    return { kind: 'send' as const, ...(await sendEntries(deps, event.messageIds)) };
  }
  if (event.job !== sweepJob) throw new Error(`the mailer does not run job "${event.job}"`);
  return { kind: 'sweep' as const, ...(await sweepOutbox(deps)) };
}
