import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BenchRun } from '../../../bench/report';
import { runBench } from '../../../bench/runner';

const measuresDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'measures');

describe('npm run bench', () => {
  let resultsDir: string;
  let printed: string;
  let logged: string[];

  beforeEach(async () => {
    resultsDir = await mkdtemp(path.join(tmpdir(), 'xinbao-bench-'));
    printed = '';
    logged = [];
  });
  afterEach(() => rm(resultsDir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    runBench({
      args,
      measuresDir,
      resultsDir,
      print: (text) => {
        printed += text;
      },
      log: (line) => logged.push(line),
    });

  it('succeeds when goals are missed, and the table says which', async () => {
    expect(await run('--only', 'sizes')).toBe(0);
    expect(printed).toMatch(/\| small .*\| pass \|/);
    expect(printed).toMatch(/\| large .*\| FAIL \|/);
    expect(printed).toContain('1 goals met, 1 missed');
    expect(logged).toContain('sizes: measuring');
  });

  it('writes the same table to latest.md with the machine, and the rows to latest.json', async () => {
    await run('--only', 'sizes', '--short');
    const markdown = await readFile(path.join(resultsDir, 'latest.md'), 'utf8');
    expect(markdown).toContain('- mode: short');
    expect(markdown).toMatch(/- machine: .+ × \d+, [\d.]+ GB RAM/);
    expect(markdown).toContain('| large (short)');
    const json = JSON.parse(await readFile(path.join(resultsDir, 'latest.json'), 'utf8')) as BenchRun;
    expect(json.short).toBe(true);
    expect(json.rows.map((row) => row.pass)).toEqual([true, false]);
  });

  it('fails only when a measure crashes, still reporting the others', async () => {
    expect(await run()).toBe(1);
    expect(printed).toContain('| small');
    expect(printed).toContain('broken: crashed');
    const json = JSON.parse(await readFile(path.join(resultsDir, 'latest.json'), 'utf8')) as BenchRun;
    expect(json.crashed.map((crash) => crash.module)).toEqual(['broken']);
    expect(json.crashed[0]?.error).toContain('the emulator did not start');
  });

  it('refuses an unknown measure name and lists the ones there are', async () => {
    expect(await run('--only', 'sizes,speed')).toBe(2);
    expect(logged.join('\n')).toContain('unknown measure(s): speed; available: broken, sizes');
  });
});
