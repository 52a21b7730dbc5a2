import { readFileSync } from 'node:fs';
import { descendants } from '../../test/support/processes';

/** Linux clock ticks per second for /proc/<pid>/stat times (USER_HZ, 100 on every common kernel). */
const ticksPerSecond = 100;

function cpuTicks(pid: number): number {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) used so far by a process and every process under it. */
export function treeCpuSeconds(pid: number): number {
  return [pid, ...descendants(pid)].reduce((sum, each) => sum + cpuTicks(each), 0) / ticksPerSecond;
}
