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
});
export type JobEvent = z.infer<typeof jobEvent>;
