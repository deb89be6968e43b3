import { readFile } from 'node:fs/promises';

/** The processes under `pid`, itself included (from /proc; Linux only). */
async function processTree(pid: number): Promise<number[]> {
  const tasks = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  const children = tasks.split(/\s+/).filter(Boolean).map(Number);
  return [pid, ...(await Promise.all(children.map(processTree))).flat()];
}

/** The resident memory of each process of the tree under `pid`, in bytes (VmRSS of /proc/<pid>/status). */
export async function residentBytesByProcess(pid: number): Promise<Map<number, number>> {
  const sizes = new Map<number, number>();
  for (const id of await processTree(pid)) {
    const status = await readFile(`/proc/${id}/status`, 'utf8').catch(() => '');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    if (kb) sizes.set(id, Number(kb) * 1024);
  }
  return sizes;
}
