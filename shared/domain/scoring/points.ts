/** Points are computed in integer hundredths so that splits and sums are exact. */

export function toCents(points: number): number {
  return Math.round(points * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/** 3 → "3", 1.5 → "1.5", 0.33 → "0.33" (no trailing zeros). */
export function formatPoints(cents: number): string {
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = abs % 100;
  if (fraction === 0) return String(whole);
  const digits = String(fraction).padStart(2, '0').replace(/0$/, '');
  return `${whole}.${digits}`;
}

/** "+3", "-2", "+0". */
export function signedPoints(cents: number): string {
  return `${cents < 0 ? '-' : '+'}${formatPoints(cents)}`;
}

/**
 * Splits `total` hundredths evenly over `count` shares so that they sum exactly: every share gets
 * the floor, and the first `remainder` shares one hundredth more.
 */
export function splitEvenly(total: number, count: number): number[] {
  if (count <= 0) return [];
  const base = Math.floor(total / count);
  const remainder = total - base * count;
  return Array.from({ length: count }, (_, index) => base + (index < remainder ? 1 : 0));
}
