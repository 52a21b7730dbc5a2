/** Periods and calendar dates in the office's time zone (Asia/Shanghai, UTC+8, no daylight saving). */
const offsetMs = 8 * 3600 * 1000;

function shanghai(at: Date): Date {
  return new Date(at.getTime() + offsetMs);
}

/** `YYYY-MM-DD` in Shanghai. */
export function shanghaiDate(at: Date): string {
  return shanghai(at).toISOString().slice(0, 10);
}

export function monthOf(at: Date): string {
  return shanghai(at).toISOString().slice(0, 7);
}

export function quarterOf(at: Date): string {
  const local = shanghai(at);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

export function yearOf(at: Date): string {
  return String(shanghai(at).getUTCFullYear());
}

/** The month, quarter and year a moment falls in: the periods every per-unit counter is kept for. */
export function periodsOf(at: Date): string[] {
  return [monthOf(at), quarterOf(at), yearOf(at)];
}

/** Whole days from `date` (YYYY-MM-DD) to the Shanghai date of `at`; negative when `date` is later. */
export function daysBefore(date: string, at: Date): number {
  const from = Date.parse(`${date}T00:00:00Z`);
  const to = Date.parse(`${shanghaiDate(at)}T00:00:00Z`);
  return Math.round((to - from) / 86_400_000);
}

/** The months (YYYY-MM) from `at` back over `days` days, newest first. */
export function monthsBack(at: Date, days: number): string[] {
  const months: string[] = [];
  const cursor = shanghai(at);
  const stop = new Date(cursor.getTime() - days * 86_400_000);
  cursor.setUTCDate(1);
  while (cursor.getTime() >= Date.UTC(stop.getUTCFullYear(), stop.getUTCMonth(), 1)) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() - 1);
  }
  return months;
}
