/**
 * Runs `work` over `items` with at most `limit` running at a time, for independent store round
 * trips (one unit's close, one recipient's mail) that would otherwise wait for each other.
 * Resolves once every item is done; the first failure rejects (the others still finish).
 */
export async function eachAtOnce<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * `load`, shared by the calls made while one is running: a job whose parts each read the same
 * rows at the same moment (the units, say) reads them once. Nothing is kept once `load` settles,
 * so a later call reads afresh.
 */
export function sharedWhileRunning<T>(load: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => {
    if (!running) {
      running = load().finally(() => {
        running = undefined;
      });
    }
    return running;
  };
}
