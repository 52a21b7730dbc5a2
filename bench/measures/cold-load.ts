/**
 * Cold load and memory. Every function's bundle is built exactly as the CDK construct builds it
 * and weighed (≤ 250 KB). Then each function with a planned first request is started in a fresh
 * Node 24 process that imports its bundle and serves that request against the local emulators,
 * alternately with the same handler unbundled (our code in one file, packages from
 * node_modules); the medians are compared (bundled ≤ 0.4× unbundled). The peak RSS of those
 * processes is the memory figure (≤ 128 MB).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../infra/cdk/bundling';
import { baseEnvironment } from '../../infra/cdk/house-function';
import { readEnvFile } from '../../infra/local/env';
import { type FunctionName, functionNames } from '../../shared/catalogue/functions';
import { startStackForTest } from '../../test/support/local-stack';
import { type BuiltBundle, type BundleKind, buildFunction, buildRoot, kilobytes } from '../support/bundles';
import {
  authorizerEventFor,
  firstEvent,
  firstRequests,
  lambdaContextFields,
  type TokenRole,
} from '../support/first-requests';
import type { BenchOptions, BenchRow, Measure } from '../types';

const maxBundleBytes = 250 * 1024;
const maxRatio = 0.4;
const maxRssMb = 128;
const node24 = path.join(projectRoot, 'node_modules/.bin/node');
const childScript = path.join(projectRoot, 'bench/support/cold-start-child.mjs');
const sizeSection = '包大小 / bundle size';
const loadSection = '冷启动 / cold load';
const memorySection = '内存 / memory';

/** Why a function is larger than the goal, when the reason is a package it genuinely needs. */
const sizeReasons: Partial<Record<FunctionName, string>> = {
  scores: 'exceljs (XLSX rankings) and its jszip/bluebird/unzipper',
  bulletins: 'docx (Word output of a bulletin)',
};

interface ColdRun {
  processStartToImportMs: number;
  firstResponseMs: number;
  importMs: number;
  handleMs: number;
  maxRssKb: number;
  result: unknown;
}

type Variant = 'bundled' | 'unbundled' | 'no-maps';

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const ms = (
  samples: readonly ColdRun[],
  field: 'importMs' | 'firstResponseMs' | 'handleMs' | 'processStartToImportMs',
) => `${median(samples.map((sample) => sample[field])).toFixed(0)} ms`;

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** One fresh process: import the bundle, serve one event, report. */
async function coldRun(
  bundle: BuiltBundle,
  request: { event: unknown; context: unknown },
  env: Record<string, string>,
  workDir: string,
): Promise<ColdRun> {
  const requestFile = path.join(workDir, `${bundle.name}-request.json`);
  const resultFile = path.join(workDir, `${bundle.name}-result.json`);
  await writeFile(requestFile, JSON.stringify(request));
  await writeFile(resultFile, '');
  const child = spawn(
    existsSync(node24) ? node24 : process.execPath,
    [childScript, bundle.file, requestFile, resultFile],
    {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await exitOf(child);
  clearTimeout(timer);
  const text = await readFile(resultFile, 'utf8');
  if (code !== 0 || !text) {
    throw new Error(`${bundle.name} (${bundle.kind}) exited with ${code}: ${stderr.slice(-2000)}`);
  }
  return JSON.parse(text) as ColdRun;
}

/** The status a first request answered with: an HTTP status, or 200/401 for an authorizer. */
function statusOf(result: unknown): number {
  if (result && typeof result === 'object') {
    const value = result as { statusCode?: unknown; isAuthorized?: unknown };
    if (typeof value.statusCode === 'number') return value.statusCode;
    if (typeof value.isAuthorized === 'boolean') return value.isAuthorized ? 200 : 401;
  }
  // A job answers with its own summary, not an HTTP response.
  return 200;
}

function sizeRows(bundles: readonly BuiltBundle[]): BenchRow[] {
  return bundles.map((bundle) => {
    const top = bundle.contributors
      .slice(0, 3)
      .map((entry) => `${entry.name} ${kilobytes(entry.bytes)}`)
      .join(', ');
    const reason = sizeReasons[bundle.name];
    const pass = bundle.bytes <= maxBundleBytes;
    return {
      section: sizeSection,
      name: `${bundle.name} bundle (minified, SDK inside)`,
      measured: kilobytes(bundle.bytes),
      baseline: '—',
      ratio: bundle.bytes / maxBundleBytes,
      goal: '≤ 250 KB',
      pass,
      note: `largest: ${top}${!pass && reason ? `; needs ${reason}` : ''}`,
    };
  });
}

async function startStack(log: BenchOptions['log']) {
  log('cold-load: starting the local stack (emulators, demo data)');
  const stack = await startStackForTest({ timeoutMs: 120_000 });
  // The very environment the local Lambda host gives its functions, written by the stack.
  const handlerEnv = await readEnvFile(path.join(stack.dataDir, 'local.env'));
  if (!handlerEnv) throw new Error('the local stack wrote no local.env');
  return { stack, handlerEnv };
}

export const measure: Measure = async ({ short, log }) => {
  const runs = short ? 3 : 7;
  log(`cold-load: building ${functionNames.length} bundles with the CDK configuration`);
  const bundled = new Map<FunctionName, BuiltBundle>();
  for (const name of functionNames) bundled.set(name, await buildFunction(name, 'bundled'));
  const rows = sizeRows([...bundled.values()]);

  const timed = functionNames.filter((name) => firstRequests[name] !== undefined);
  const unbundled = new Map<FunctionName, BuiltBundle>();
  for (const name of timed) unbundled.set(name, await buildFunction(name, 'unbundled'));

  const { stack, handlerEnv } = await startStack(log);
  try {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      ...handlerEnv,
      NODE_OPTIONS: baseEnvironment.NODE_OPTIONS,
      POWERTOOLS_SERVICE_NAME: baseEnvironment.POWERTOOLS_SERVICE_NAME,
    };
    const workDir = path.join(buildRoot, 'runs');
    await mkdir(workDir, { recursive: true });

    // What the gateway would attach for each role: the authorizer's own answer.
    const contexts: Partial<Record<TokenRole, unknown>> = {};
    const authorizer = bundled.get('authorizer');
    if (!authorizer) throw new Error('no authorizer bundle');
    for (const role of ['admin', 'editor', 'reporter'] as const) {
      const answer = await coldRun(
        authorizer,
        {
          event: authorizerEventFor(stack.tokens, role),
          context: lambdaContextFields('authorizer', `ctx-${role}`),
        },
        env,
        workDir,
      );
      const result = answer.result as { isAuthorized?: boolean; context?: unknown };
      if (!result.isAuthorized) throw new Error(`the authorizer refused the demo ${role} token`);
      contexts[role] = result.context;
    }

    // Lambda runs our functions with --enable-source-maps (the house construct); the third variant
    // shows what that costs a bundle, for the note.
    const { NODE_OPTIONS: _sourceMaps, ...envWithoutSourceMaps } = env;
    const variants: { label: Variant; kind: BundleKind; env: Record<string, string> }[] = [
      { label: 'bundled', kind: 'bundled', env },
      { label: 'unbundled', kind: 'unbundled', env },
      { label: 'no-maps', kind: 'bundled', env: envWithoutSourceMaps },
    ];
    const samples = new Map<string, ColdRun[]>();
    const statuses = new Map<FunctionName, Set<number>>();
    for (let run = 1; run <= runs; run++) {
      log(`cold-load: run ${run}/${runs} over ${timed.length} functions`);
      for (const name of timed) {
        // Rotate which goes first, so that none always meets a warmer disk cache.
        const order = [...variants.slice(run % 3), ...variants.slice(0, run % 3)];
        for (const variant of order) {
          const bundle = (variant.kind === 'bundled' ? bundled : unbundled).get(name);
          if (!bundle) throw new Error(`no ${variant.kind} build of ${name}`);
          const request = {
            event: firstEvent(name, stack.tokens, contexts),
            context: lambdaContextFields(name, `bench-${run}-${variant.label}`),
          };
          const sample = await coldRun(bundle, request, variant.env, workDir);
          const key = `${name}:${variant.label}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
          const seen = statuses.get(name) ?? new Set<number>();
          statuses.set(name, seen.add(statusOf(sample.result)));
        }
      }
    }

    for (const name of timed) {
      const mine = samples.get(`${name}:bundled`) ?? [];
      const theirs = samples.get(`${name}:unbundled`) ?? [];
      const withoutMaps = samples.get(`${name}:no-maps`) ?? [];
      const bundledMs = median(mine.map((sample) => sample.firstResponseMs));
      const unbundledMs = median(theirs.map((sample) => sample.firstResponseMs));
      const ratio = bundledMs / unbundledMs;
      for (const [label, list] of [
        ['bundled', mine],
        ['unbundled', theirs],
        ['no-maps', withoutMaps],
      ] as const) {
        log(
          `cold-load: ${name} ${label}: node start ${ms(list, 'processStartToImportMs')}, import ${ms(list, 'importMs')}, first request ${ms(list, 'handleMs')}`,
        );
      }
      const answered = [...(statuses.get(name) ?? [])].sort().join('/');
      const broken = [...(statuses.get(name) ?? [])].some((status) => status >= 500);
      rows.push({
        section: loadSection,
        name: `${name}: start + first request`,
        measured: `${bundledMs.toFixed(0)} ms`,
        baseline: `${unbundledMs.toFixed(0)} ms`,
        ratio,
        goal: '≤ 0.4× unbundled',
        pass: ratio <= maxRatio && !broken,
        note: `median of ${runs}; import alone ${ms(mine, 'importMs')} vs ${ms(theirs, 'importMs')} (${ms(
          withoutMaps,
          'importMs',
        )} without --enable-source-maps); answered ${answered}${broken ? ' (a server error)' : ''}`,
      });
    }
    for (const name of timed) {
      const peakKb = Math.max(...(samples.get(`${name}:bundled`) ?? []).map((sample) => sample.maxRssKb));
      const unbundledPeakKb = Math.max(
        ...(samples.get(`${name}:unbundled`) ?? []).map((sample) => sample.maxRssKb),
      );
      const noMapsPeakKb = Math.max(
        ...(samples.get(`${name}:no-maps`) ?? []).map((sample) => sample.maxRssKb),
      );
      const peakMb = peakKb / 1024;
      rows.push({
        section: memorySection,
        name: `${name}: peak RSS, start + first request`,
        measured: `${peakMb.toFixed(0)} MB`,
        baseline: '—',
        ratio: peakMb / maxRssMb,
        goal: '≤ 128 MB',
        pass: peakMb <= maxRssMb,
        note: `max of ${runs} runs; unbundled ${(unbundledPeakKb / 1024).toFixed(0)} MB; bundled without --enable-source-maps ${(noMapsPeakKb / 1024).toFixed(0)} MB`,
      });
    }
    const untimed = functionNames.filter((name) => !timed.includes(name));
    if (untimed.length > 0) {
      log(`cold-load: not timed (no first request planned): ${untimed.join(', ')}`);
    }
    return rows;
  } finally {
    await stack.stop();
  }
};
