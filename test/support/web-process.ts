import { spawn } from 'node:child_process';
import path from 'node:path';
import { nodeArgsOf } from '@/lib/local/build-roles';
import { findFreePort } from '@/lib/local/ports';
import { waitForHttp } from '@/lib/local/wait-for-http';
import { trackRunning } from './running-resources';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningApp {
  url: string;
  /** The web role's process. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * The web role (`npm run start:web`'s process: the standalone build behind web/server.ts) on
 * a free port of 127.0.0.1, with `env` on top of this process's, once it answers
 * /api/health/ready and the app's /api/health. The caller builds first (the tests' global
 * setup, the benchmarks). It stops without the drain delay unless `env` sets one. (No
 * vitest here: the benchmarks use it too.)
 */
export async function startWebProcess(env: Record<string, string>, host = 'localhost'): Promise<RunningApp> {
  const port = await findFreePort();
  const url = `http://${host}:${port}`;
  const profile = process.env.PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF_DIR}/web`] : [];
  const child = spawn(process.execPath, [...profile, ...nodeArgsOf('web')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', HOST: '127.0.0.1', PORT: String(port), APP_URL: url, WEB_DRAIN_DELAY_MS: '0', ...env },
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForHttp(`${url}/api/health/ready`, 60_000);
    // The server answers readiness itself; the app loads its route handlers on their first
    // request, which a test should not pay for within its own timeout.
    await waitForHttp(`${url}/api/health`, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`The web app did not start: ${(error as Error).message}\n${output}`);
  }
  const stopped = trackRunning(`web app ${url}`, async () => {
    child.kill('SIGKILL');
    await exited;
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      stopped();
    },
  };
}
