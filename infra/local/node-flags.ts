/**
 * V8 heap flags of the local stack's process, given where it is launched: `npm start` (the
 * package.json script, checked against this list by a unit test) and the test and bench stacks
 * (test/support/local-stack.ts).
 *
 * Why: the stack's JS heap holds about 60–80 MB live (every function's modules, the emulators), and
 * its live size does not grow with the requests it serves (heap snapshots at 250 and 1,500
 * submissions: 65 and 57 MB). But on a machine with several GB of memory V8 sizes its heap for
 * speed: a young generation of up to ~100 MB and an old generation allowed to grow to about four
 * times the live size before a full collection, so the process kept ~380 MB of heap pages (RSS
 * 550–610 MB) for 60 MB of live objects. A 1 GB old-space limit makes V8 grow its heap by about
 * 1.6× instead of 4× (its growing factor depends on the limit), and 8 MB semi-spaces bound the
 * young generation: measured over 1,500 submissions, heap pages ~125 MB and RSS 250–300 MB, for
 * roughly a fifth more CPU per request (more frequent collections). The limit is far above what
 * the stack ever holds live and within the year's 1 GB goal for the whole stack.
 */
export const stackNodeFlags: readonly string[] = ['--max-old-space-size=1024', '--max-semi-space-size=8'];
