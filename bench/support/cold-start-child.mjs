// A fresh Lambda-like process for the cold-load bench: imports one bundle, serves one event, writes
// what it measured to a file, and exits. Plain JavaScript so that nothing but the bundle is loaded.
// argv: <bundle file> <request file: { event, context }> <result file>
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, requestFile, resultFile] = process.argv.slice(2);
const { event, context } = JSON.parse(readFileSync(requestFile, 'utf8'));
const deadline = Date.now() + context.timeoutMs;

const importStarted = performance.now();
const module = await import(pathToFileURL(bundle).href);
const imported = performance.now();
const result = await module.handler(event, {
  ...context,
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
});
const answered = performance.now();

writeFileSync(
  resultFile,
  JSON.stringify({
    // performance.now() counts from the start of the process: Node's own start-up is included.
    processStartToImportMs: importStarted,
    importMs: imported - importStarted,
    handleMs: answered - imported,
    firstResponseMs: answered,
    maxRssKb: process.resourceUsage().maxRSS,
    result,
  }),
);
process.exit(0);
