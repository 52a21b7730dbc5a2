/**
 * Runs one bench module alone and prints its rows: `npx tsx bench/support/stack-run-one.ts
 * <throughput|ranking|publish> [--short]`. Progress goes to stderr, the rows to stdout.
 */
import type { Measure } from '../types';

const [name, ...flags] = process.argv.slice(2);
if (!name || !/^[a-z-]+$/.test(name)) {
  console.error('usage: npx tsx bench/support/stack-run-one.ts <module> [--short]');
  process.exit(2);
}
const module = (await import(`../measures/${name}.ts`)) as { measure: Measure };
const started = performance.now();
const rows = await module.measure({
  short: flags.includes('--short'),
  log: (line) => process.stderr.write(`${line}\n`),
});
for (const row of rows) {
  console.log(
    `${row.pass ? 'PASS' : 'FAIL'} | ${row.section} | ${row.name} | ${row.measured} | baseline ${row.baseline} | ratio ${row.ratio ?? '—'} | goal ${row.goal}`,
  );
  if (row.note) console.log(`       ${row.note}`);
}
console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
