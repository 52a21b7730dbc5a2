/** A fixed counting window: when the one holding `now` started, and how long until it ends. */
export function fixedWindow(now: Date, windowSeconds: number): { start: number; secondsLeft: number } {
  const seconds = now.getTime() / 1000;
  const start = Math.floor(seconds / windowSeconds) * windowSeconds;
  // At least one second: Retry-After is in whole seconds and 0 would invite an immediate retry.
  return { start, secondsLeft: Math.max(1, Math.ceil(start + windowSeconds - seconds)) };
}
