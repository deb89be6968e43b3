import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureAppBuilt } from '@/lib/local/build-app';
import { findFreePort } from '@/lib/local/ports';
import { waitForHttp } from '@/lib/local/wait-for-http';

const ROOT = path.resolve(import.meta.dirname, '../..');

export const BENCH_AUTH_SECRET = 'bench-secret-that-is-long-enough-for-better-auth';

export interface BenchWebApp {
  url: string;
  stop(): Promise<void>;
}

/** The production build (`next start`, built first if the sources changed), as deployed. */
export async function startBenchWebApp(env: { databaseUrl: string; sqsEndpoint: string }): Promise<BenchWebApp> {
  await ensureAppBuilt(() => console.log('building the web app (next build)…'));
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      APP_URL: url,
      DATABASE_URL: env.databaseUrl,
      AWS_ENDPOINT_URL_SQS: env.sqsEndpoint,
      BETTER_AUTH_SECRET: BENCH_AUTH_SECRET,
    },
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForHttp(`${url}/api/health`, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`The web app did not start: ${(error as Error).message}\n${errors}`);
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
