/**
 * The user pool's password policy as a person reads it. The pool enforces it; the form checks it
 * first only so that nobody waits for a round trip to learn a rule.
 */
export const passwordRule = '至少 12 位，须含大写字母、小写字母、数字和符号';

export function newPasswordProblem(password: string, confirmation: string): string | undefined {
  if (password.length < 12) return `新密码太短：${passwordRule}`;
  if (
    !/[a-z]/.test(password) ||
    !/[A-Z]/.test(password) ||
    !/\d/.test(password) ||
    !/[^A-Za-z0-9]/.test(password)
  ) {
    return `新密码不符合要求：${passwordRule}`;
  }
  if (password !== confirmation) return '两次输入的新密码不一致';
  return undefined;
}
