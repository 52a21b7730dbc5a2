/** The LSH indexer's use cases over a fake index store: what it writes, when it clears, what it refuses. */
import { describe, expect, it } from 'vitest';
import { parseIndexerEvent, runIndexer } from '#functions/lsh-indexer/run';
import { type IndexerDeps, indexSignatures, sweepMinAgeMs } from '#functions/lsh-indexer/use-case';
import type { StoredSignature } from '#shared/store/dynamo/duplicate-index';

const signature = (itemId: string, pending: boolean): StoredSignature => ({
  itemId,
  unitId: 'linqu',
  title: '标题',
  submittedAt: '2026-11-24T02:00:00.000Z',
  signature: [1, 2, 3],
  expiresAt: 0,
  pending,
});

function fakeIndex(rows: StoredSignature[], failWrites = false) {
  const log: string[] = [];
  let pendingBefore = '';
  const index: IndexerDeps['index'] = {
    signatures: async (itemIds) => rows.filter((row) => itemIds.includes(row.itemId)),
    pending: async (before) => {
      pendingBefore = before;
      return rows.filter((row) => row.pending).map((row) => row.itemId);
    },
    writeBuckets: async (written) => {
      if (failWrites) throw new Error('throttled');
      log.push(`write ${written.map((row) => row.itemId).join(',')}`);
      return written.length * 42;
    },
    markIndexed: async (itemId) => {
      log.push(`mark ${itemId}`);
    },
  };
  return { index, log, before: () => pendingBefore };
}

const now = new Date('2026-11-24T03:00:00.000Z');

describe('LSH indexer', () => {
  it('writes the bucket rows of pending signatures only, then clears their marks', async () => {
    const { index, log } = fakeIndex([signature('a', true), signature('b', false)]);
    const summary = await indexSignatures({ index, now: () => now }, ['a', 'b', 'gone']);
    expect(summary).toEqual({ requested: 3, indexed: 1, rows: 42 });
    expect(log).toEqual(['write a', 'mark a']);
  });

  it('leaves every mark set when the bucket rows could not be written (the sweep retries)', async () => {
    const { index, log } = fakeIndex([signature('a', true)], true);
    await expect(indexSignatures({ index, now: () => now }, ['a'])).rejects.toThrow('throttled');
    expect(log).toEqual([]);
  });

  it('sweeps pending signatures older than the invoke is given', async () => {
    const fake = fakeIndex([signature('a', true), signature('b', true)]);
    const result = await runIndexer(
      { index: fake.index, now: () => now },
      parseIndexerEvent({ job: 'lsh-index', scheduledTime: now.toISOString() }),
    );
    expect(result).toEqual({ kind: 'sweep', requested: 2, indexed: 2, rows: 84 });
    expect(fake.before()).toBe(new Date(now.getTime() - sweepMinAgeMs).toISOString());
  });

  it('refuses a malformed event or another job', async () => {
    for (const event of [
      {},
      { kind: 'index', itemIds: [] },
      { kind: 'index', itemIds: [''] },
      { job: 'x' },
    ]) {
      expect(() => parseIndexerEvent(event)).toThrow();
    }
    const { index } = fakeIndex([]);
    await expect(
      runIndexer(
        { index, now: () => now },
        parseIndexerEvent({ job: 'digest', scheduledTime: now.toISOString() }),
      ),
    ).rejects.toThrow(/does not run job "digest"/);
  });
});
