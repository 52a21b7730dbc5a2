import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CognitoEmulator {
  /** The Cognito Identity Provider API (and the pool's issuer origin: `<endpoint>/<poolId>`). */
  endpoint: string;
  pid: number;
  close(): Promise<void>;
}

const childEntry = fileURLToPath(new URL('./cognito-child.cjs', import.meta.url));
const startScript = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');

/**
 * Usernames are plain names (`weicheng.lixm`), not e-mail addresses: without this the emulator
 * makes every username an e-mail and replaces it with the `sub`.
 */
export const cognitoLocalConfig = { UserPoolDefaults: { UsernameAttributes: [] } };

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** cognito-local puts its own port into the issuer, so it must know the real one: 0 is resolved here. */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host, exclusive: true }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts cognito-local as a child process with its state under `directory` (`.cognito/` there,
 * kept across restarts); port 0 picks a free port. Resolves once it answers.
 *
 * Its console output is kept to itself: it logs request bodies of calls it does not support, and
 * those may carry passwords. Only a failed start shows the tail of what it printed.
 */
export async function startCognito(options: {
  port: number;
  host?: string;
  directory: string;
  timeoutMs?: number;
}): Promise<CognitoEmulator> {
  const host = options.host ?? '127.0.0.1';
  const stateDir = join(options.directory, '.cognito');
  await mkdir(stateDir, { recursive: true });
  // The emulator keeps passwords as given (in clear) in `.cognito/db`: for this user's eyes only.
  await chmod(options.directory, 0o700);
  await writeFile(join(stateDir, 'config.json'), `${JSON.stringify(cognitoLocalConfig, null, 2)}\n`);

  const port = options.port === 0 ? await freePort(host) : options.port;
  const child = spawn(process.execPath, [childEntry, startScript], {
    cwd: options.directory,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: host,
      // The emulator's aws-sdk v2 prints an end-of-support notice on start.
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      DEBUG: '',
      NODE_OPTIONS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (text: string) => {
    output = (output + text).slice(-4000);
  };
  child.stdout?.setEncoding('utf8').on('data', keep);
  child.stderr?.setEncoding('utf8').on('data', keep);

  const displayHost = host.includes(':') ? `[${host}]` : host;
  const endpoint = `http://${displayHost}:${port}`;
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const done = exited(child);
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await done;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  while (!(await answers(endpoint))) {
    const gone = child.exitCode !== null || child.signalCode !== null || spawnError;
    if (gone || Date.now() > deadline) {
      await close();
      const reason = /EADDRINUSE/.test(output)
        ? `port ${port} is in use`
        : (spawnError?.message ?? output.trim());
      throw new Error(
        `cognito-local ${gone ? `exited during start-up (code ${child.exitCode})` : 'did not answer in time'}: ${reason}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Once it runs its output is dropped (see above), but the pipes are still drained.
  child.stdout?.removeListener('data', keep);
  child.stderr?.removeListener('data', keep);
  child.stdout?.resume();
  child.stderr?.resume();
  return { endpoint, pid: child.pid ?? 0, close };
}
