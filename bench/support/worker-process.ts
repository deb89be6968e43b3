import { setTimeout as sleep } from 'node:timers/promises';
import { buildRoles } from '@/lib/local/build-roles';
import { findFreePort } from '@/lib/local/ports';
import { spawnWorkerProcess, type WorkerProcess } from '@/test/support/worker-process';
import { BENCH_AUTH_SECRET } from './web-app';

export interface BenchWorkerOptions {
  databaseUrl: string;
  sqsEndpoint: string;
  platformApiUrl: string;
  env?: Record<string, string>;
}

export interface BenchWorker {
  pid(): number;
  metricsUrl: string;
  /** Flows the running process has consumers for (its /health). */
  flows(): Promise<number>;
  /** Ends the current process with the signal and starts a new one. */
  restart(signal: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

/** The real worker process (its bundle, as `npm start` runs it), built, started and healthy. */
export async function startBenchWorker(options: BenchWorkerOptions): Promise<BenchWorker> {
  await buildRoles();
  const port = await findFreePort();
  const metricsUrl = `http://127.0.0.1:${port}`;
  const spawnOne = async () => {
    const child = spawnWorkerProcess({
      LOG_LEVEL: 'warn',
      DATABASE_URL: options.databaseUrl,
      AWS_ENDPOINT_URL_SQS: options.sqsEndpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      BETTER_AUTH_SECRET: BENCH_AUTH_SECRET,
      PLATFORM_API_URL: options.platformApiUrl,
      APP_URL: options.platformApiUrl,
      WORKER_METRICS_PORT: String(port),
      REQUEUE_DELAY_SECONDS: '1',
      ...options.env,
    });
    await waitUntilHealthy(metricsUrl, child);
    return child;
  };
  let current = await spawnOne();
  const stopCurrent = async (signal: NodeJS.Signals) => {
    current.kill(signal);
    await current.exited;
  };
  return {
    pid: () => current.pid,
    metricsUrl,
    async flows() {
      const health = (await (await fetch(`${metricsUrl}/health`)).json()) as { flows: number };
      return health.flows;
    },
    async restart(signal) {
      await stopCurrent(signal);
      current = await spawnOne();
    },
    stop: () => stopCurrent('SIGTERM'),
  };
}

async function waitUntilHealthy(metricsUrl: string, child: WorkerProcess): Promise<void> {
  let exited = false;
  void child.exited.then(() => (exited = true));
  for (let attempt = 0; attempt < 600; attempt++) {
    if (exited) throw new Error(`the worker exited while starting:\n${child.output().slice(-4000)}`);
    const ok = await fetch(`${metricsUrl}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`the worker did not become healthy within 60 s:\n${child.output().slice(-4000)}`);
}
