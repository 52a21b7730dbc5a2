/**
 * Ctrl-C or a kill normally ends Node without its 'exit' event, and so without the hooks that
 * stop the benches' emulators and stacks (a stack runs in its own process group and would not
 * even see the Ctrl-C) and remove their folders. Turning those signals into `process.exit`
 * runs the hooks. Installed once, and only where nobody else handles the signal.
 */
const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
let installed = false;

export function exitCleanlyOnSignals(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of Object.entries(codes)) {
    if (process.listenerCount(signal) === 0) process.once(signal, () => process.exit(code));
  }
}
