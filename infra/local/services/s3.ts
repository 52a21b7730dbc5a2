import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface S3Emulator {
  endpoint: string;
  pid: number;
  close(): Promise<void>;
}

const childEntry = fileURLToPath(new URL('./s3rver-child.mjs', import.meta.url));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts s3rver as a child process storing under `directory`; port 0 picks a free port. */
export async function startS3(options: {
  port: number;
  host?: string;
  directory: string;
}): Promise<S3Emulator> {
  const host = options.host ?? '127.0.0.1';
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', childEntry, options.directory, String(options.port), host],
    { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
    if (stderr.length > 4000) stderr = stderr.slice(-4000);
  });

  const port = await new Promise<number>((resolve, reject) => {
    const onMessage = (message: unknown) => {
      const port = typeof message === 'object' && message !== null ? Reflect.get(message, 'port') : undefined;
      if (typeof port === 'number') {
        child.off('exit', onExit);
        resolve(port);
      }
    };
    const onExit = (code: number | null) => {
      const reason = /EADDRINUSE/.test(stderr) ? `port ${options.port} is in use` : stderr.trim();
      reject(new Error(`s3rver exited during start-up (code ${code}): ${reason}`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', reject);
  });
  // Keep relaying its errors once it runs: an S3 failure should be visible on the console.
  child.stderr?.on('data', (text: string) => process.stderr.write(`[s3rver] ${text}`));

  const displayHost = host.includes(':') ? `[${host}]` : host;
  return {
    endpoint: `http://${displayHost}:${port}`,
    pid: child.pid ?? 0,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const done = exited(child);
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await done;
      clearTimeout(timer);
    },
  };
}
