import type { DynamoDuplicateIndexStore } from '#shared/store/dynamo/duplicate-index';

export interface IndexerDeps {
  index: Pick<DynamoDuplicateIndexStore, 'signatures' | 'pending' | 'writeBuckets' | 'markIndexed'>;
  now: () => Date;
}

export interface IndexSummary {
  /** Signatures asked for (or found pending by the sweep). */
  requested: number;
  /** Signatures whose bucket rows were written by this run. */
  indexed: number;
  /** Bucket rows written (the same keys again on a rerun). */
  rows: number;
}

/** Signatures younger than this are left to the invoke that follows every submission. */
export const sweepMinAgeMs = 30 * 1000;
/** Per sweep run: a backlog is caught up over several runs of the 5-minute schedule. */
export const sweepBatchSize = 500;

/**
 * Writes the LSH bucket rows of these items' signatures, then clears each pending mark. Rows
 * already indexed are skipped; a signature indexed twice (a retried invoke racing the sweep)
 * gets the same rows again, since the row keys derive from the signature alone.
 */
export async function indexSignatures(deps: IndexerDeps, itemIds: readonly string[]): Promise<IndexSummary> {
  const pending = (await deps.index.signatures(itemIds)).filter((row) => row.pending);
  const rows = pending.length > 0 ? await deps.index.writeBuckets(pending) : 0;
  // Marks cleared only after every bucket row is written: a failure leaves them pending for the sweep.
  await Promise.all(pending.map((row) => deps.index.markIndexed(row.itemId)));
  return { requested: itemIds.length, indexed: pending.length, rows };
}

/** The scheduled sweep: signatures still pending a while after their submission (a lost invoke, a crash). */
export async function sweepPending(deps: IndexerDeps): Promise<IndexSummary> {
  const before = new Date(deps.now().getTime() - sweepMinAgeMs).toISOString();
  const itemIds = await deps.index.pending(before, sweepBatchSize);
  return indexSignatures(deps, itemIds);
}
