import { spawn } from 'node:child_process';
import path from 'node:path';
import { nodeArgsOf } from '@/lib/local/build-roles';
import { trackRunning } from './running-resources';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface WorkerProcess {
  pid: number;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
  output(): string;
}

/**
 * The worker's bundle, as `npm start` runs it, with the given environment. Built by the
 * caller first (buildRoles(): the tests' global setup, the benchmarks' startBenchWorker).
 */
export function spawnWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, [...(process.env.PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF_DIR}/worker`] : []), ...nodeArgsOf('worker')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const gone = trackRunning(`worker process ${child.pid}`, async () => {
    child.kill('SIGKILL');
    await exited;
  });
  void exited.then(gone);
  return {
    pid: child.pid!,
    exited,
    kill: (signal) => child.kill(signal),
    output: () => output,
  };
}
