import * as z from 'zod';
import { jobEvent } from '#events/job-event';
import { type IndexerDeps, indexSignatures, sweepPending } from './use-case';

/** The job name of the `lsh-index-sweep` schedule (events/schedules.ts). */
export const sweepJob = 'lsh-index';

/** `{ kind: 'index', itemIds }` from the asynchronous invoke after a submission, or the sweep's job event. */
export const indexerEvent = z.union([
  z.strictObject({
    kind: z.literal('index'),
    itemIds: z.array(z.string().min(1).max(200)).min(1).max(100),
  }),
  jobEvent,
]);
export type IndexerEvent = z.infer<typeof indexerEvent>;

export async function runIndexer(deps: IndexerDeps, event: IndexerEvent) {
  if ('kind' in event) return { kind: 'index' as const, ...(await indexSignatures(deps, event.itemIds)) };
  if (event.job !== sweepJob) throw new Error(`the LSH indexer does not run job "${event.job}"`);
  return { kind: 'sweep' as const, ...(await sweepPending(deps)) };
}
