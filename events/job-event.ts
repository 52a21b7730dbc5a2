import * as z from 'zod/mini';

/**
 * What every scheduled job receives. EventBridge Scheduler fills `scheduledTime` from
 * `<aws.scheduler.scheduled-time>`; the local scheduler and the CLI pass the same shape.
 * Declared with `zod/mini` (the same checks, tree-shaken): a job that validates nothing else
 * does not carry the whole zod API in its bundle.
 */
export const jobEvent = z.strictObject({
  job: z.string().check(z.minLength(1)),
  scheduledTime: z.iso.datetime({ offset: true }),
  /** Set when an operator runs the job by hand. */
  manual: z.optional(z.boolean()),
  /** The period a job covers (e.g. `2026-10` for the ranking notice), given by hand with `--period`. */
  period: z.optional(z.string()),
});
export type JobEvent = z.infer<typeof jobEvent>;
