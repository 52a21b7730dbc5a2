import * as z from 'zod';

/**
 * What every scheduled job receives. EventBridge Scheduler fills `scheduledTime` from
 * `<aws.scheduler.scheduled-time>`; the local scheduler and the CLI pass the same shape.
 */
export const jobEvent = z.strictObject({
  job: z.string().min(1),
  scheduledTime: z.iso.datetime({ offset: true }),
  /** Set when an operator runs the job by hand. */
  manual: z.boolean().optional(),
  /** The period a job covers (e.g. `2026-10` for the ranking notice), given by hand with `--period`. */
  period: z.string().optional(),
});
export type JobEvent = z.infer<typeof jobEvent>;
