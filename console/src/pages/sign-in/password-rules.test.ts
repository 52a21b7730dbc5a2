import { describe, expect, it } from 'vitest';
import { newPasswordProblem } from './password-rules';

describe("the first sign-in's new password", () => {
  it('accepts a password the pool accepts', () => {
    expect(newPasswordProblem('Xinbao-2026-ok', 'Xinbao-2026-ok')).toBeUndefined();
  });

  it.each([
    ['Short-1a', '新密码太短'],
    ['alllowercase-123', '新密码不符合要求'],
    ['NoDigitsHere-abc', '新密码不符合要求'],
    ['NoSymbols123abc', '新密码不符合要求'],
  ])('refuses %s with a reason', (password, reason) => {
    expect(newPasswordProblem(password, password)).toContain(reason);
  });

  it('refuses two different entries', () => {
    expect(newPasswordProblem('Xinbao-2026-ok', 'Xinbao-2026-oK')).toBe('两次输入的新密码不一致');
  });
});
