import { describe, expect, it } from 'vitest';
import {
  answeredOnTime,
  commissionUnitView,
  commissionYear,
  deadlineProblem,
  resolveTargets,
  tally,
  targets,
} from '#shared/domain/commissions';

const deadline = '2026-11-30T10:00:00.000Z';
const before = new Date('2026-11-29T00:00:00.000Z');
const after = new Date('2026-12-01T00:00:00.000Z');

describe('per-unit status, computed at read time', () => {
  it('is pending before the deadline and missed after it when nothing was answered', () => {
    expect(commissionUnitView({ status: 'pending' }, deadline, before)).toEqual({ status: 'pending' });
    expect(commissionUnitView({ status: 'pending' }, deadline, after)).toEqual({ status: 'missed' });
  });

  it('is pending exactly at the deadline', () => {
    expect(commissionUnitView({ status: 'pending' }, deadline, new Date(deadline)).status).toBe('pending');
  });

  it('is answered on time when answered no later than the deadline, whenever it is read', () => {
    const row = { status: 'answered' as const, itemId: 'it_x', answeredAt: deadline };
    expect(commissionUnitView(row, deadline, after)).toEqual({
      status: 'answered',
      itemId: 'it_x',
      answeredAt: deadline,
      onTime: true,
    });
  });

  it('is late when answered after the deadline', () => {
    const row = { status: 'answered' as const, itemId: 'it_x', answeredAt: '2026-11-30T10:00:00.001Z' };
    expect(commissionUnitView(row, deadline, after)).toMatchObject({ status: 'late', onTime: false });
  });

  it('compares instants, not strings, across time-zone offsets', () => {
    expect(answeredOnTime('2026-11-30T18:00:00+08:00', deadline)).toBe(true);
    expect(answeredOnTime('2026-11-30T18:00:01+08:00', deadline)).toBe(false);
  });

  it('tallies statuses', () => {
    expect(tally(['pending', 'answered', 'answered', 'missed'])).toEqual({
      pending: 1,
      answered: 2,
      late: 0,
      missed: 1,
    });
  });
});

describe('deadline validation', () => {
  const now = new Date('2026-11-25T08:00:00.000Z');
  it('accepts a deadline in the future', () => {
    expect(deadlineProblem('2026-11-25T08:00:01.000Z', now)).toBeUndefined();
  });
  it('refuses a deadline now or in the past with a Chinese reason', () => {
    expect(deadlineProblem('2026-11-25T08:00:00.000Z', now)).toMatch(/晚于当前时间/);
    expect(deadlineProblem('2026-01-01T00:00:00+08:00', now)).toMatch(/过去/);
  });
  it('files a commission under the Shanghai year of its deadline', () => {
    expect(commissionYear('2026-12-31T16:30:00.000Z')).toBe(2027);
    expect(commissionYear('2026-12-31T15:59:59.000Z')).toBe(2026);
  });
});

describe('targeting', () => {
  const units = [
    { id: 'b-county', active: true },
    { id: 'a-county', active: true },
    { id: 'old-dept', active: false },
  ];
  it('resolves "all" to every active unit, sorted', () => {
    expect(resolveTargets('all', units)).toEqual({ ok: true, unitIds: ['a-county', 'b-county'] });
  });
  it('folds duplicates and sorts a list', () => {
    expect(resolveTargets(['b-county', 'a-county', 'b-county'], units)).toEqual({
      ok: true,
      unitIds: ['a-county', 'b-county'],
    });
  });
  it('names unknown and inactive units', () => {
    expect(resolveTargets(['a-county', 'nowhere', 'old-dept'], units)).toEqual({
      ok: false,
      unknown: ['nowhere'],
      inactive: ['old-dept'],
    });
  });
  it('tells whether a unit is asked', () => {
    const rows = [{ unitId: 'a-county' }];
    expect(targets(rows, 'a-county')).toBe(true);
    expect(targets(rows, 'b-county')).toBe(false);
  });
});
