/**
 * Runs `infra/local/main.ts` as `npm start` does (one Node process with tsx as its loader) on free
 * ports with a fresh temporary data folder, for end-to-end tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DemoAccounts, readDemoAccounts } from '../../infra/local/demo/accounts';
import { type DemoTokens, readDemoTokens } from '../../infra/local/demo/tokens-file';
import { readEnvFile } from '../../infra/local/env';
import { stackNodeFlags } from '../../infra/local/node-flags';
import { projectRoot } from '../../infra/local/paths';
import { portOffsets } from '../../infra/local/ports';
import type { LocalStack } from '../../infra/local/stack';
import { freeConsecutivePorts } from './ports';

/** The same addresses the stack itself reports; a test stack always serves the console. */
export type TestStackUrls = LocalStack['urls'] & { console: string };

export interface TestStack {
  urls: TestStackUrls;
  tokens: DemoTokens;
  /** The demo people's usernames and passwords (`<data>/demo-accounts.env`). */
  accounts: DemoAccounts;
  /** What the stack wrote to `<data>/local.env` (COGNITO_ENDPOINT, USER_POOL_ID, …). */
  env: Record<string, string>;
  dataDir: string;
  /** The stack's own Node process (tsx is its loader, not a parent process). */
  pid: number;
  output(): string;
  /** SIGTERM (or the given signal) to the stack process, then waits; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Sends a signal to the whole process group, as Ctrl-C in a terminal does, then waits. */
  interrupt(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  /** Reuse a data folder (a restart); a new temporary one by default. */
  dataDir?: string;
  fresh?: boolean;
  timeoutMs?: number;
  /** The handlers' log level (default XINBAO_STACK_LOG_LEVEL or ERROR). */
  logLevel?: string;
}

const node24 = join(projectRoot, 'node_modules/.bin/node');
const main = join(projectRoot, 'infra/local/main.ts');
const running = new Set<ChildProcess>();
const createdDirs = new Set<string>();

// Never leave a stack behind when the test process goes away, however it goes; nor our temp folders.
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
  for (const dir of createdDirs) rmSync(dir, { recursive: true, force: true });
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function waitForHealth(child: ChildProcess, api: string, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the stack exited (${child.exitCode ?? child.signalCode}) before it was up:\n${output()}`,
      );
    }
    try {
      const response = await fetch(`${api}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the stack was not up within ${timeoutMs} ms:\n${output()}`);
}

const portCount = Object.keys(portOffsets).length;

async function startOnce(
  dataDir: string,
  fresh: boolean,
  timeoutMs: number,
  logLevel: string,
): Promise<TestStack> {
  const base = await freeConsecutivePorts(portCount);
  // tsx as a loader, not its CLI: the CLI relays Ctrl-C to its child and, when the child's
  // acknowledgement takes over 30 ms (a busy machine), SIGKILLs it and exits 130.
  const args = [
    ...stackNodeFlags,
    '--import',
    'tsx',
    main,
    '--port',
    String(base),
    '--data',
    dataDir,
    ...(fresh ? ['--fresh'] : []),
  ];
  const child = spawn(existsSync(node24) ? node24 : process.execPath, args, {
    cwd: projectRoot,
    // Its own process group: the exit hook can take down the stack and s3rver at once.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: logLevel },
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text));

  const url = (offset: number) => `http://127.0.0.1:${base + offset}`;
  const urls: TestStackUrls = {
    api: url(portOffsets.api),
    openapi: `${url(portOffsets.api)}/openapi.json`,
    archive: url(portOffsets.archive),
    mailbox: url(portOffsets.mailbox),
    s3: url(portOffsets.s3),
    dynamodb: url(portOffsets.dynamodb),
    cognito: url(portOffsets.cognito),
    // The origin the stack allows for CORS is the one it prints: localhost, not 127.0.0.1.
    console: `http://localhost:${base + portOffsets.console}`,
  };
  try {
    await waitForHealth(child, urls.api, () => output, timeoutMs);
  } catch (error) {
    killGroup(child, 'SIGKILL');
    await exitOf(child);
    throw error;
  }
  const tokens = await readDemoTokens(dataDir);
  if (!tokens) throw new Error(`no demo tokens in ${dataDir}`);
  const accounts = await readDemoAccounts(dataDir);
  if (!accounts) throw new Error(`no demo accounts in ${dataDir}`);
  const env = await readEnvFile(join(dataDir, 'local.env'));
  if (!env) throw new Error(`no local.env in ${dataDir}`);

  const waitOrKill = async () => {
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
    const code = await exitOf(child);
    clearTimeout(timer);
    return code;
  };
  return {
    urls,
    tokens,
    accounts,
    env,
    dataDir,
    pid: child.pid ?? 0,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return waitOrKill();
    },
    interrupt: async (signal = 'SIGINT') => {
      killGroup(child, signal);
      return waitOrKill();
    },
  };
}

export async function startStackForTest(options: StartOptions = {}): Promise<TestStack> {
  let dataDir = options.dataDir;
  if (!dataDir) {
    dataDir = await mkdtemp(join(tmpdir(), 'xinbao-stack-'));
    createdDirs.add(dataDir);
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  const logLevel = options.logLevel ?? process.env.XINBAO_STACK_LOG_LEVEL ?? 'ERROR';
  // Another test may grab a port between our probe and the stack's bind: try another base.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(dataDir, options.fresh ?? false, timeoutMs, logLevel);
    } catch (error) {
      const portClash = error instanceof Error && /port\(s\) in use|EADDRINUSE/.test(error.message);
      if (!portClash || attempt >= 3) throw error;
    }
  }
}
