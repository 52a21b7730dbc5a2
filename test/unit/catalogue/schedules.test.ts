import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { schedules, toCronerPattern, toSchedulerExpression } from '#events/schedules';
import { functions } from '#shared/catalogue/functions';

describe('schedule declarations', () => {
  it('translate to EventBridge Scheduler syntax with ? in exactly one day field', () => {
    expect(
      toSchedulerExpression({ minute: '0', hour: '9', dayOfMonth: '1', month: '*', dayOfWeek: '*' }),
    ).toBe('cron(0 9 1 * ? *)');
    expect(
      toSchedulerExpression({ minute: '30', hour: '8', dayOfMonth: '*', month: '*', dayOfWeek: 'MON' }),
    ).toBe('cron(30 8 ? * MON *)');
  });

  it('fire at the same Shanghai wall-clock times under croner', () => {
    const monthly = new Cron(
      toCronerPattern({ minute: '0', hour: '9', dayOfMonth: '1', month: '*', dayOfWeek: '*' }),
      { timezone: 'Asia/Shanghai', paused: true },
    );
    expect(monthly.nextRun(new Date('2026-11-25T00:00:00Z'))?.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    const weekly = new Cron(
      toCronerPattern({ minute: '30', hour: '8', dayOfMonth: '*', month: '*', dayOfWeek: 'MON' }),
      { timezone: 'Asia/Shanghai', paused: true },
    );
    // 2026-11-30 is a Monday; 08:30 in Shanghai is 00:30 UTC.
    expect(weekly.nextRun(new Date('2026-11-25T00:00:00Z'))?.toISOString()).toBe('2026-11-30T00:30:00.000Z');
    const quarterHour = new Cron(
      toCronerPattern({ minute: '0/15', hour: '*', dayOfMonth: '*', month: '*', dayOfWeek: '*' }),
      { timezone: 'Asia/Shanghai', paused: true },
    );
    expect(quarterHour.nextRun(new Date('2026-11-25T00:07:00Z'))?.toISOString()).toBe(
      '2026-11-25T00:15:00.000Z',
    );
  });

  it('target declared functions, in Asia/Shanghai, with a retry policy', () => {
    for (const schedule of schedules) {
      expect(functions[schedule.function]).toBeDefined();
      expect(schedule.timezone).toBe('Asia/Shanghai');
      expect(schedule.retry.maximumRetryAttempts).toBeGreaterThan(0);
      expect(() => new Cron(toCronerPattern(schedule.cron), { paused: true })).not.toThrow();
    }
  });
});
