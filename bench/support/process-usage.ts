import { readdir, readFile } from 'node:fs/promises';
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

/**
 * CPU milliseconds used so far by a process and everything under it: its own and its
 * live descendants' utime + stime, plus cutime + cstime for children already reaped
 * (PostgreSQL's backends come and go with their connections).
 */
export async function treeCpuMs(pid: number): Promise<number> {
  const stats = await allProcessStats();
  const children = new Map<number, number[]>();
  for (const stat of stats.values()) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  let ticks = 0;
  const pending = [pid];
  while (pending.length) {
    const next = pending.pop()!;
    const stat = stats.get(next);
    if (!stat) continue;
    ticks += stat.ticks;
    pending.push(...(children.get(next) ?? []));
  }
  return (1000 * ticks) / TICKS_PER_SECOND;
}

interface ProcessStat {
  pid: number;
  ppid: number;
  ticks: number;
}

async function allProcessStats(): Promise<Map<number, ProcessStat>> {
  const stats = new Map<number, ProcessStat>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => undefined);
    if (!stat) continue; // exited meanwhile
    // Fields after the command name: ppid is 4, utime 14, stime 15, cutime 16, cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    stats.set(Number(entry), { pid: Number(entry), ppid: fields[1]!, ticks: fields[11]! + fields[12]! + fields[13]! + fields[14]! });
  }
  return stats;
}

/**
 * CPU per named process over a stretch of work: call the result to read the milliseconds
 * each used since. The bench process's own share leaves out the meter's reads of /proc.
 */
export async function startCpuMeter(processes: Record<string, () => Promise<number> | number>): Promise<() => Promise<Record<string, number>>> {
  const read = async () =>
    Object.fromEntries(await Promise.all(Object.entries(processes).map(async ([name, pid]) => [name, await treeCpuMs(await pid())] as const)));
  const before = await read();
  const self = process.cpuUsage();
  return async () => {
    const { user, system } = process.cpuUsage(self);
    const after = await read();
    const used = Object.fromEntries(Object.entries(after).map(([name, ms]) => [name, ms - (before[name] ?? 0)]));
    return { ...used, 'bench process (endpoint, counting)': (user + system) / 1000 };
  };
}
