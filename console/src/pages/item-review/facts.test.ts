import { describe, expect, it } from 'vitest';
import { instructionProblem, todayInBeijing } from './facts';

describe('the facts forms', () => {
  it('dates a fact recorded today in Beijing time', () => {
    expect(todayInBeijing(new Date('2026-12-05T17:30:00.000Z'))).toBe('2026-12-06');
  });

  it('asks for the leader, the text and a feedback due date not before the instruction', () => {
    const form = {
      leader: '市长 王某',
      level: 'city' as const,
      date: '2026-12-05',
      text: '请抓好落实',
      feedbackDue: '2026-12-20',
    };
    expect(instructionProblem(form)).toBeUndefined();
    expect(instructionProblem({ ...form, leader: '' })).toBe('请填写批示领导');
    expect(instructionProblem({ ...form, text: ' ' })).toBe('请填写批示内容');
    expect(instructionProblem({ ...form, feedbackDue: '2026-12-01' })).toContain('不能早于');
  });
});
