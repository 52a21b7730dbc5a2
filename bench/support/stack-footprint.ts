import { readFileSync } from 'node:fs';
import { lstat, readdir as readdirAsync } from 'node:fs/promises';
import { join } from 'node:path';
import { descendants } from '../../test/support/processes';

/** Peak resident memory (VmHWM, bytes) of one process; 0 when it is gone. */
function peakRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident memory now (VmRSS, bytes) of the stack's own process; 0 when it is gone. */
export function stackRss(pid: number): number {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Sum of the peak RSS of the stack process and every process under it (s3rver included). */
export function stackPeakRss(pid: number): { total: number; processes: number } {
  const pids = [pid, ...descendants(pid)];
  return { total: pids.reduce((sum, each) => sum + peakRss(each), 0), processes: pids.length };
}

/** Bytes on disk under a folder (files' allocated blocks, as `du` counts them). */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdirAsync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile()) {
      const stat = await lstat(path);
      total += Math.max(stat.size, stat.blocks * 512);
    }
  }
  return total;
}
