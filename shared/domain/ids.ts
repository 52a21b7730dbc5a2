import { randomBytes } from 'node:crypto';

/**
 * Time-sortable ids (`it_…`, `at_…`): 9 base-36 characters of milliseconds, then randomness,
 * so ids sort by creation time and never collide in practice.
 */
export function newId(
  prefix: 'it' | 'at' | 'cm' | 'ml' | 'bl' | 'in' | 'df',
  now: Date = new Date(),
): string {
  const time = now.getTime().toString(36).padStart(9, '0');
  let random = '';
  for (const byte of randomBytes(14)) random += (byte % 36).toString(36);
  return `${prefix}_${time}${random}`;
}
