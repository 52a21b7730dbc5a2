import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./local-child.ts', import.meta.url));

export interface Child {
  endpoint: string;
  process: ChildProcess;
  /** Resolves with the signal (or exit code) the process ended with. */
  exited: Promise<string>;
}

/** How the child ended, or 'still running' if it has not ended within `ms`. */
export function endedWithin(child: Child, ms: number): Promise<string> {
  return Promise.race([
    child.exited,
    new Promise<string>((resolve) => setTimeout(resolve, ms, 'still running')),
  ]);
}

/** Starts a local DynamoDB in a child Node process on `dataDir`; `env` is added to the child's. */
export async function startChild(dataDir: string, env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, dataDir], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)),
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((how) => reject(new Error(`child ended (${how}) before it was ready: ${output}`)));
  });
  return { endpoint, process: child, exited };
}
