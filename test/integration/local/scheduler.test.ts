import { afterEach, describe, expect, it } from 'vitest';
import { jobEvent } from '../../../events/job-event';
import { type ScheduleDeclaration, schedules, toCronerPattern } from '../../../events/schedules';
import type { FunctionHost } from '../../../infra/local/lambda/host';
import { type LocalScheduler, scheduleRegistrations, startScheduler } from '../../../infra/local/scheduler';

const fixture = (retry = { maximumRetryAttempts: 2, maximumEventAgeSeconds: 600 }): ScheduleDeclaration => ({
  name: 'fixture-job',
  description: '测试',
  cron: { minute: '*', hour: '*', dayOfMonth: '*', month: '*', dayOfWeek: '*' },
  timezone: 'Asia/Shanghai',
  function: 'heartbeat',
  job: 'fixture',
  retry,
});

/** Records invocations; fails the first `failures` of them. */
function recordingHost(failures = 0) {
  const invocations: { name: string; event: unknown }[] = [];
  const host: FunctionHost = {
    async invoke(name, event) {
      invocations.push({ name, event });
      if (invocations.length <= failures) throw new Error(`failure ${invocations.length}`);
      return { ok: true };
    },
  };
  return { host, invocations };
}

let scheduler: LocalScheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
});

describe('local scheduler', () => {
  it('registers the declared schedules with croner patterns in Asia/Shanghai', () => {
    expect(scheduleRegistrations()).toEqual(
      schedules.map((schedule) => ({
        name: schedule.name,
        pattern: toCronerPattern(schedule.cron),
        timezone: 'Asia/Shanghai',
        function: schedule.function,
        job: schedule.job,
      })),
    );
    const { host } = recordingHost();
    scheduler = startScheduler({ functions: host });
    expect(scheduler.registered()).toEqual(scheduleRegistrations());
  });

  it('fires a due job with the declared payload', async () => {
    const { host, invocations } = recordingHost();
    const logs: string[] = [];
    // Every second instead of every minute, so the test need not wait for a minute boundary.
    scheduler = startScheduler({
      functions: host,
      schedules: [fixture()],
      patternOf: () => '* * * * * *',
      log: (line) => logs.push(line),
    });
    const deadline = Date.now() + 3000;
    while (invocations.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const first = invocations[0];
    expect(first?.name).toBe('heartbeat');
    const event = jobEvent.parse(first?.event);
    expect(event.job).toBe('fixture');
    expect(Object.keys(first?.event ?? {}).sort()).toEqual(['job', 'scheduledTime']);
    // The tick itself: a whole second, just past.
    const tick = Date.parse(event.scheduledTime);
    expect(tick % 1000).toBe(0);
    expect(Date.now() - tick).toBeLessThan(2000);
    expect(logs).toEqual([]);
  });

  it('retries a failing delivery with the same event, then succeeds', async () => {
    const { host, invocations } = recordingHost(2);
    scheduler = startScheduler({ functions: host, schedules: [fixture()], backoffMs: () => 5 });
    const result = await scheduler.deliver('fixture-job', new Date());
    expect(result).toMatchObject({ ok: true, attempts: 3 });
    expect(new Set(invocations.map((call) => JSON.stringify(call.event))).size).toBe(1);
  });

  it('gives up after the declared number of retries and logs instead of throwing', async () => {
    const { host, invocations } = recordingHost(100);
    const logs: string[] = [];
    scheduler = startScheduler({
      functions: host,
      schedules: [fixture({ maximumRetryAttempts: 3, maximumEventAgeSeconds: 600 })],
      backoffMs: () => 5,
      log: (line) => logs.push(line),
    });
    const result = await scheduler.deliver('fixture-job', new Date());
    expect(result).toMatchObject({ ok: false, attempts: 4, gaveUp: 'attempts' });
    expect(invocations).toHaveLength(4);
    expect(logs.at(-1)).toMatch(/dropped after 4 attempt/);
  });

  it('stops retrying once the event would be older than the maximum event age (fake clock)', async () => {
    const { host, invocations } = recordingHost(100);
    const scheduledTime = new Date('2026-03-02T01:00:00Z');
    scheduler = startScheduler({
      functions: host,
      schedules: [fixture({ maximumRetryAttempts: 10, maximumEventAgeSeconds: 60 })],
      now: () => scheduledTime.getTime() + 58_000,
      backoffMs: () => 5_000,
    });
    const result = await scheduler.deliver('fixture-job', scheduledTime);
    expect(result).toMatchObject({ ok: false, attempts: 1, gaveUp: 'age' });
    expect(invocations).toHaveLength(1);
  });
});
