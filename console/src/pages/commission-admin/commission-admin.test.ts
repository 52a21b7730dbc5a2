import { describe, expect, it } from 'vitest';
import { type CommissionForm, commissionBody, commissionFormProblem } from './commission-admin';

const now = new Date('2026-12-05T02:00:00.000Z');
const filled: CommissionForm = {
  topic: '冬季安全生产工作情况',
  requirements: '请写明具体数字',
  deadline: new Date('2026-12-10T09:00:00.000Z'),
  allUnits: false,
  unitIds: ['weicheng'],
};

describe('the 约稿 form', () => {
  it('asks for a topic, a future deadline and the units', () => {
    expect(commissionFormProblem({ ...filled, topic: ' ' }, now)).toBe('请填写约稿题目');
    expect(commissionFormProblem({ ...filled, deadline: undefined }, now)).toBe('请选择截止时间');
    expect(commissionFormProblem({ ...filled, deadline: new Date('2026-12-01T00:00:00Z') }, now)).toBe(
      '截止时间须晚于当前时间',
    );
    expect(commissionFormProblem({ ...filled, unitIds: [] }, now)).toContain('请选择约稿单位');
    expect(commissionFormProblem({ ...filled, unitIds: [], allUnits: true }, now)).toBeUndefined();
  });

  it('sends the chosen units, or "all"', () => {
    expect(commissionBody(filled)).toEqual({
      topic: '冬季安全生产工作情况',
      requirements: '请写明具体数字',
      deadline: '2026-12-10T09:00:00.000Z',
      unitIds: ['weicheng'],
    });
    expect(commissionBody({ ...filled, allUnits: true }).unitIds).toBe('all');
  });
});
