import { randomInt } from 'node:crypto';

const alphabets = [
  'ABCDEFGHJKLMNPQRSTUVWXYZ',
  'abcdefghijkmnpqrstuvwxyz',
  '23456789',
  '!#$%&*+-=?@^_',
] as const;

/**
 * A temporary password for a new or reset account: 16 characters with upper- and lower-case
 * letters, digits and symbols (meets the user pool's strong password policy), without the
 * look-alikes I, O, l, o, 0, 1. It is changed at the first sign-in and never stored or logged by us.
 */
export function newTemporaryPassword(length = 16): string {
  const chars: string[] = alphabets.map((alphabet) => alphabet[randomInt(alphabet.length)] ?? 'x');
  const all = alphabets.join('');
  while (chars.length < length) chars.push(all[randomInt(all.length)] ?? 'x');
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
