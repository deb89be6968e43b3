import { afterEach, beforeEach, expect } from 'vitest';
import { logger } from '@/lib/logger';
import { admitRuns, type RunItem } from '@/lib/runs/admit-runs';
import type { RunContext } from '@/lib/runs/run-context';
import type { RunExecutor, RunExecutorOptions } from '@/lib/runs/start-run-executor';
import { startAlgorithmEndpoint, type AlgorithmEndpoint, type EndpointAnswer, type ReceivedCall } from './algorithm-endpoint';
import { createTestDatabase, type TestDatabase } from './database';
import { createAlgorithm, createUser } from './factories';
import { startTestRunExecutor } from './run-executor';

export const EXECUTOR_TEST_SECRET = 'executor-test-secret-that-is-long-enough';
// Local mode, as in every test: the stand-in endpoints listen on loopback.
export const executorTestContext: RunContext = { dataTokenKey: EXECUTOR_TEST_SECRET, dataApiUrl: 'http://platform.test', logger, allowLoopbackEndpoints: true };

export interface Algo {
  user: { id: string };
  algorithm: { id: string };
  versionId: string;
}

/**
 * What the run executor tests stand on: their own database with room to queue many runs,
 * algorithm endpoints that answer as each test says, and executors stopped after each test.
 */
export function useExecutorScene() {
  const scene = {
    t: undefined as unknown as TestDatabase,
    endpoints: [] as AlgorithmEndpoint[],
    executors: [] as RunExecutor[],
  };

  beforeEach(async () => {
    scene.t = await createTestDatabase();
    await scene.t.db.platformSettings.create({ data: { maxWorkers: 100, userSessionLimit: 100 } });
  });
  afterEach(async () => {
    await Promise.all(scene.executors.splice(0).map((executor) => executor.stop(1_000)));
    await Promise.all(scene.endpoints.splice(0).map((endpoint) => endpoint.close()));
    await scene.t.drop();
  });

  return {
    get db() {
      return scene.t.db;
    },
    get url() {
      return scene.t.url;
    },
    start(options: Partial<Omit<RunExecutorOptions, 'db' | 'context' | 'heartbeat'>> = {}) {
      const executor = startTestRunExecutor(scene.t.db, executorTestContext, { pollIntervalMs: 50, ...options });
      scene.executors.push(executor);
      return executor;
    },
    /** A new user's algorithm whose endpoint answers with `answer` (an echo by default). */
    async algorithmAnswering(answer?: (call: ReceivedCall) => EndpointAnswer | Promise<EndpointAnswer>): Promise<Algo & { endpoint: AlgorithmEndpoint }> {
      const endpoint = await startAlgorithmEndpoint(answer);
      scene.endpoints.push(endpoint);
      const user = await createUser(scene.t.db);
      const algorithm = await createAlgorithm(scene.t.db, user.id, { endpointUrl: endpoint.url });
      return { user, algorithm, versionId: algorithm.versions[0]!.id, endpoint };
    },
    /** Queued runs (one admission), in order; their ids. */
    async queueRuns(a: Algo, items: RunItem[], options: { timeoutSeconds?: number; maxAttempts?: number; eventFlowId?: string } = {}) {
      const { admissions } = await admitRuns(
        scene.t.db,
        { algorithmId: a.algorithm.id, versionId: a.versionId, callerId: a.user.id, timeoutSeconds: 30, status: 'QUEUED', ...options },
        items,
      );
      return admissions.map((admission) => (admission.admitted ? admission.runId : expect.fail(`not admitted: ${admission.reason}`)));
    },
    /** Waits until the run has ended (neither queued nor running), and returns it. */
    async finished(runId: string, timeout = 10_000) {
      const db = scene.t.db;
      await expect
        .poll(async () => (await db.algorithmRun.findUniqueOrThrow({ where: { id: runId } })).status, { timeout, interval: 50 })
        .not.toMatch(/QUEUED|RUNNING/);
      return db.algorithmRun.findUniqueOrThrow({ where: { id: runId } });
    },
  };
}
