import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Resident memory of a process, in MB (/proc/<pid>/status VmRSS). */
export async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** CPU the process used over `ms`, as a percentage of one core (/proc/<pid>/stat utime + stime). */
export async function cpuPercent(pid: number, ms: number): Promise<number> {
  const before = await cpuTicks(pid);
  const startedAt = performance.now();
  await sleep(ms);
  const ticks = (await cpuTicks(pid)) - before;
  return (100 * ticks) / TICKS_PER_SECOND / ((performance.now() - startedAt) / 1000);
}

async function cpuTicks(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces): utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}
