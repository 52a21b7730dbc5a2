/** Reads shared by the parts of one job run: made once while running, afresh afterwards. */
import { describe, expect, it } from 'vitest';
import { sharedWhileRunning } from '#shared/domain/at-once';

describe('a read shared while running', () => {
  it('is made once for calls made at the same moment, and again for a later call', async () => {
    let reads = 0;
    const list = sharedWhileRunning(async () => {
      reads += 1;
      return [`read ${reads}`];
    });
    const [first, second] = await Promise.all([list(), list()]);
    expect(first).toEqual(['read 1']);
    expect(second).toBe(first);
    expect(reads).toBe(1);
    expect(await list()).toEqual(['read 2']);
  });

  it('passes a failure to every waiting caller and lets the next call try again', async () => {
    let reads = 0;
    const list = sharedWhileRunning(async () => {
      reads += 1;
      if (reads === 1) throw new Error('store busy');
      return 'ok';
    });
    const results = await Promise.allSettled([list(), list()]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await list()).toBe('ok');
  });
});
