/**
 * The bench runner: finds the measure modules, runs the chosen ones one after another, and writes
 * the table. A missed goal is a row that says FAIL, not a failed run: the exit code is 1 only when
 * a measure crashes (its rows are then missing), 2 for an unknown `--only` name.
 */
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type BenchRun, describeMachine, formatMarkdown, formatTable, summaryLine } from './report';
import type { BenchOptions, BenchRow, Measure } from './types';

export interface RunnerOptions {
  /** Command-line arguments: `--short`, `--only a,b`. */
  args: string[];
  /** Where `<name>.ts` modules exporting `measure` live. */
  measuresDir: string;
  /** Where latest.md and latest.json go. */
  resultsDir: string;
  /** The table (stdout). */
  print: (text: string) => void;
  /** Progress and diagnostics (stderr). */
  log: (line: string) => void;
}

/** The order; modules not listed here run after these, alphabetically. */
const preferredOrder = ['cold-load', 'memory', 'throughput', 'ranking', 'publish', 'quality'];

async function discoverModules(measuresDir: string): Promise<string[]> {
  const files = await readdir(measuresDir);
  const names = files
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => file.slice(0, -3));
  const rank = (name: string) => {
    const index = preferredOrder.indexOf(name);
    return index === -1 ? preferredOrder.length : index;
  };
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

async function loadMeasure(measuresDir: string, name: string): Promise<Measure> {
  const module: { measure?: unknown } = await import(
    pathToFileURL(path.join(measuresDir, `${name}.ts`)).href
  );
  if (typeof module.measure !== 'function')
    throw new Error(`bench/measures/${name}.ts does not export \`measure\``);
  return module.measure as Measure;
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await writeFile(`${file}.tmp`, text, 'utf8');
  await rename(`${file}.tmp`, file);
}

export const describeError = (error: unknown) =>
  error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);

export async function runBench({
  args,
  measuresDir,
  resultsDir,
  print,
  log,
}: RunnerOptions): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { short: { type: 'boolean', default: false }, only: { type: 'string' } },
    allowPositionals: false,
  });
  const available = await discoverModules(measuresDir);
  const wanted = values.only
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = wanted?.filter((name) => !available.includes(name)) ?? [];
  if (unknown.length > 0) {
    log(`unknown measure(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
    return 2;
  }
  const modules = wanted ? available.filter((name) => wanted.includes(name)) : available;

  const options: BenchOptions = { short: values.short, log };
  const run: BenchRun = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    short: values.short,
    machine: describeMachine(),
    modules,
    crashed: [],
    rows: [],
  };

  for (const name of modules) {
    const started = performance.now();
    log(`▶ ${name}${values.short ? ' (short)' : ''}`);
    try {
      const rows: BenchRow[] = await (await loadMeasure(measuresDir, name))(options);
      run.rows.push(...rows);
      log(`✔ ${name}: ${rows.length} row(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      run.crashed.push({ module: name, error: describeError(error) });
      log(`✘ ${name} crashed: ${describeError(error)}`);
    }
  }
  run.finishedAt = new Date().toISOString();

  await mkdir(resultsDir, { recursive: true });
  await writeAtomically(path.join(resultsDir, 'latest.md'), formatMarkdown(run));
  await writeAtomically(path.join(resultsDir, 'latest.json'), `${JSON.stringify(run, null, 2)}\n`);

  print(`${formatTable(run.rows)}\n\n${summaryLine(run)}\n`);
  for (const { module } of run.crashed) print(`${module}: crashed (see stderr)\n`);
  log(`written: ${path.relative(process.cwd(), path.join(resultsDir, 'latest.md'))}, latest.json`);
  return run.crashed.length > 0 ? 1 : 0;
}
