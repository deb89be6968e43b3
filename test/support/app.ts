import { spawn } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';
import { findFreePort } from '@/lib/local/ports';
import { waitForHttp } from '@/lib/local/wait-for-http';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The apps' BETTER_AUTH_SECRET, which also signs worker and data tokens. */
export const TEST_AUTH_SECRET = 'test-secret-that-is-long-enough-for-better-auth';

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
}

/** The production build (`next start`) on a free port, against the given database. */
export async function startApp(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const port = await findFreePort();
  const url = `http://localhost:${port}`;
  const child = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_FORMAT: 'json',
      PORT: String(port),
      APP_URL: url,
      DATABASE_URL: databaseUrl,
      AWS_ENDPOINT_URL_SQS: inject('sqsEndpoint'),
      BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
      ...extraEnv,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForHttp(`${url}/api/health`, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`The app did not start: ${(error as Error).message}\n${output}`);
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
