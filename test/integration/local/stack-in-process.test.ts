import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleRegistrations } from '../../../infra/local/scheduler';
import { type LocalStack, startLocalStack } from '../../../infra/local/stack';
import { routeKey, routes } from '../../../shared/catalogue/routes';

let stack: LocalStack;
let dataDir = '';
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'xinbao-inproc-'));
  stack = await startLocalStack({ port: 0, dataDir });
});
afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const health = async () =>
  (await (await fetch(`${stack.urls.api}/health`)).json()) as { checks: { schedulerLastRunAt?: string } };

describe('startLocalStack in one process', () => {
  it('serves the catalogue routes and registers the catalogue schedules', () => {
    expect(stack.servedRouteKeys().sort()).toEqual(routes.map(routeKey).sort());
    expect(stack.schedules()).toEqual(scheduleRegistrations());
  });

  it('delivers the heartbeat schedule to the real handler, which records it for /health', async () => {
    expect((await health()).checks.schedulerLastRunAt).toBeUndefined();
    const tick = new Date('2026-11-25T08:15:00+08:00');
    const result = await stack.runSchedule('scheduler-heartbeat', tick);
    expect(result).toMatchObject({ ok: true, attempts: 1, scheduledTime: tick.toISOString() });
    const lastRun = (await health()).checks.schedulerLastRunAt;
    expect(Date.now() - Date.parse(lastRun ?? '')).toBeLessThan(10_000);
  });

  it('runs the nightly search compaction within its declared table and bucket access, twice', async () => {
    const night = new Date('2026-11-26T02:30:00+08:00');
    for (const run of [1, 2])
      expect(await stack.runSchedule('nightly-search-compaction', night), `run ${run}`).toMatchObject({
        ok: true,
        attempts: 1,
      });
  });
});
