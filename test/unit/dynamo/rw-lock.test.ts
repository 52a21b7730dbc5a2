import { describe, expect, it } from 'vitest';
import { RwLock } from '../../../infra/local/dynamo/rw-lock';

describe('RwLock', () => {
  it('lets readers share and makes a writer wait for all of them', async () => {
    const lock = new RwLock();
    const order: string[] = [];
    lock.acquireShared(() => order.push('r1'));
    lock.acquireShared(() => order.push('r2'));
    const writer = lock.acquireExclusive().then(() => order.push('w'));

    await Promise.resolve();
    expect(order).toEqual(['r1', 'r2']);
    lock.releaseShared();
    await Promise.resolve();
    expect(order).toEqual(['r1', 'r2']);
    lock.releaseShared();
    await writer;
    expect(order).toEqual(['r1', 'r2', 'w']);
  });

  it('queues readers behind a waiting writer, so writers are not starved', async () => {
    const lock = new RwLock();
    const order: string[] = [];
    lock.acquireShared(() => order.push('r1'));
    const writer = lock.acquireExclusive().then(() => order.push('w'));
    lock.acquireShared(() => order.push('r2'));

    lock.releaseShared();
    await writer;
    expect(order).toEqual(['r1', 'w']);
    lock.releaseExclusive();
    expect(order).toEqual(['r1', 'w', 'r2']);
  });

  it('runs exclusive sections one at a time and releases on failure', async () => {
    const lock = new RwLock();
    let inside = 0;
    let most = 0;
    const section = (fail: boolean) =>
      lock.exclusive(async () => {
        inside += 1;
        most = Math.max(most, inside);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inside -= 1;
        if (fail) throw new Error('boom');
      });

    const results = await Promise.allSettled([section(false), section(true), section(false)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(most).toBe(1);
    let granted = false;
    lock.acquireShared(() => {
      granted = true;
    });
    expect(granted).toBe(true);
  });
});
