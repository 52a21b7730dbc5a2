/**
 * `npm run bench [-- --short] [-- --only cold-load,quality]`: runs every measure module in
 * bench/measures/, prints one table and writes bench/results/latest.{md,json}. Exit code 0 even
 * when goals are missed (the table says so); non-zero only when a measure crashes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeError, runBench } from './runner';

const benchDir = path.dirname(fileURLToPath(import.meta.url));

runBench({
  args: process.argv.slice(2),
  measuresDir: path.join(benchDir, 'measures'),
  resultsDir: path.join(benchDir, 'results'),
  print: (text) => process.stdout.write(text),
  log: (line) => process.stderr.write(`${line}\n`),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${describeError(error)}\n`);
    process.exit(1);
  },
);
