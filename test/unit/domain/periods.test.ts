import { describe, expect, it } from 'vitest';
import { daysBefore, monthOf, periodsOf, quarterOf, shanghaiDate, yearOf } from '#shared/domain/periods';

describe('periods in Asia/Shanghai', () => {
  it('puts 23:30 UTC on 31 December into the next year in Shanghai', () => {
    const at = new Date('2026-12-31T16:30:00Z');
    expect(shanghaiDate(at)).toBe('2027-01-01');
    expect(periodsOf(at)).toEqual(['2027-01', '2027-Q1', '2027']);
  });

  it('names months, quarters and years', () => {
    const at = new Date('2026-11-25T08:00:00Z');
    expect([monthOf(at), quarterOf(at), yearOf(at)]).toEqual(['2026-11', '2026-Q4', '2026']);
    expect(quarterOf(new Date('2026-03-31T15:59:59Z'))).toBe('2026-Q1');
    expect(quarterOf(new Date('2026-03-31T16:00:00Z'))).toBe('2026-Q2');
  });

  it('counts days between a local date and a moment', () => {
    const at = new Date('2026-11-25T01:00:00Z');
    expect(daysBefore('2026-11-25', at)).toBe(0);
    expect(daysBefore('2026-11-15', at)).toBe(10);
    expect(daysBefore('2026-11-26', at)).toBe(-1);
  });
});
