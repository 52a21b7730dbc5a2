import type { StaticArchivePublisher } from '#shared/archive/publisher';

export const searchCompactionJob = 'search-compaction';

export interface SearchCompactionDeps {
  archive: Pick<StaticArchivePublisher, 'compactSearch'>;
}

export interface SearchCompactionResult {
  job: typeof searchCompactionJob;
  /** False when there was nothing to fold (no publish or withdrawal since the last run). */
  compacted: boolean;
  /** Search objects written or deleted. */
  objects: number;
}

/**
 * The nightly search compaction: the issues published since the last run (the `recent` part)
 * are folded into the newest year's part, so a publish only ever rebuilds a small recent part.
 * Idempotent: a second run, or a run after a quiet day, writes nothing.
 */
export async function compactSearch(deps: SearchCompactionDeps): Promise<SearchCompactionResult> {
  const { compacted, keys } = await deps.archive.compactSearch();
  return { job: searchCompactionJob, compacted, objects: keys.length };
}
