import { type IndexerDeps, indexSignatures, sweepPending } from './use-case';

/** The job name of the `lsh-index-sweep` schedule (events/schedules.ts). */
export const sweepJob = 'lsh-index';

/** `{ kind: 'index', itemIds }` from the asynchronous invoke after a submission, or the sweep's job event. */
export type IndexerEvent =
  | { kind: 'index'; itemIds: string[] }
  | { job: string; scheduledTime: string; manual?: boolean; period?: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 200;

/**
 * The two event shapes, checked by hand: this function is on no HTTP path and its events are two
 * small objects, so it carries no schema library (a smaller bundle, a faster cold start).
 */
export function parseIndexerEvent(event: unknown): IndexerEvent {
  if (isRecord(event) && event.kind === 'index') {
    const { itemIds } = event;
    if (Array.isArray(itemIds) && itemIds.length > 0 && itemIds.length <= 100 && itemIds.every(isId)) {
      return { kind: 'index', itemIds };
    }
  } else if (isRecord(event) && typeof event.job === 'string' && event.job.length > 0) {
    const { job, scheduledTime } = event;
    if (typeof scheduledTime === 'string' && !Number.isNaN(Date.parse(scheduledTime))) {
      return { job, scheduledTime };
    }
  }
  throw new Error('the LSH indexer takes { kind: "index", itemIds } or a job event');
}

export async function runIndexer(deps: IndexerDeps, event: IndexerEvent) {
  if ('kind' in event) return { kind: 'index' as const, ...(await indexSignatures(deps, event.itemIds)) };
  if (event.job !== sweepJob) throw new Error(`the LSH indexer does not run job "${event.job}"`);
  return { kind: 'sweep' as const, ...(await sweepPending(deps)) };
}
