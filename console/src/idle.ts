/** Calls `onIdle` once after `idleMs` without a pointer, key or touch; any of them restarts the wait. */
export function watchIdle(
  idleMs: number,
  onIdle: () => void,
  target: Pick<Window, 'addEventListener'> = window,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(onIdle, idleMs);
  };
  for (const event of ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const) {
    target.addEventListener(event, restart, { passive: true });
  }
  restart();
  return () => {
    if (timer !== undefined) clearTimeout(timer);
  };
}
