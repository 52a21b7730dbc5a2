import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from './errors';

/** Marks a folder as ours, so `--fresh` never wipes a folder someone pointed at by mistake. */
const markerName = '.xinbao-local';
const lockPath = (dataDir: string) => join(dataDir, '.lock');

async function entries(dir: string): Promise<string[] | undefined> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function prepareDataDir(dataDir: string, fresh: boolean): Promise<void> {
  const existing = await entries(dataDir);
  // Checked before any wipe: --fresh must never pull the data from under a running stack.
  await assertNotInUse(dataDir);
  if (fresh && existing && existing.length > 0) {
    if (!existing.includes(markerName)) {
      throw new StartupError(
        `${dataDir} is not a Xinbao data folder (no ${markerName}); refusing to wipe it`,
      );
    }
    await rm(dataDir, { recursive: true, force: true });
  }
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, markerName), 'Xinbao local data folder (npm start --data)\n');
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One stack per data folder: a second one would find the stores locked and fail obscurely.
 * A lock left by a process that no longer runs (kill -9) is taken over. Returns the release.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = lockPath(dataDir);
  try {
    await writeFile(path, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await assertNotInUse(dataDir);
    await writeFile(path, String(process.pid));
  }
  return () => rm(path, { force: true });
}

async function assertNotInUse(dataDir: string): Promise<void> {
  const holder = Number((await readFile(lockPath(dataDir), 'utf8').catch(() => '')).trim());
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
    throw new StartupError(
      `数据目录正被另一个本地环境使用 / ${dataDir} is in use by another stack (pid ${holder})`,
    );
  }
}
