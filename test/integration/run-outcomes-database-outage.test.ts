import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { startEmbeddedPostgres, type EmbeddedCluster } from '@/lib/local/embedded-postgres';
import { admitRuns } from '@/lib/runs/admit-runs';
import type { RunExecutor } from '@/lib/runs/start-run-executor';
import { startAlgorithmEndpoint, type AlgorithmEndpoint } from '../support/algorithm-endpoint';
import { executorTestContext } from '../support/executor-scene';
import { createAlgorithm, createUser } from '../support/factories';
import { startTestRunExecutor } from '../support/run-executor';

// A PostgreSQL cluster of this file's own: stopping the shared one would fail the other files.
describe('run outcomes when PostgreSQL is down for 10 s', () => {
  let dir: string;
  let cluster: EmbeddedCluster;
  let db: Db;
  let endpoint: AlgorithmEndpoint;
  let executor: RunExecutor | undefined;
  let release!: () => void;
  const answering = new Promise<void>((resolve) => (release = resolve));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'eventflows-outage-'));
    await chmod(dir, 0o755);
    cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres') });
    await cluster.createDatabase('outage');
    await migrate(cluster.urlFor('outage'));
    db = createDb(cluster.urlFor('outage'));
    endpoint = await startAlgorithmEndpoint(async (call) => {
      await answering;
      const { n } = call.body as { n: number };
      return n % 3 === 0 ? { status: 400, body: { error: `bad input ${n}` } } : { body: { done: n } };
    });
  });
  afterEach(async () => {
    release();
    await executor?.stop(1_000);
  });
  afterAll(async () => {
    await endpoint?.close();
    await db?.$disconnect();
    await cluster?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('records every outcome as the endpoint answered, once the database is back', { timeout: 60_000 }, async () => {
    await db.platformSettings.create({ data: { maxWorkers: 10, userSessionLimit: 10 } });
    const user = await createUser(db);
    const algorithm = await createAlgorithm(db, user.id, { endpointUrl: endpoint.url });
    const { admissions } = await admitRuns(
      db,
      { algorithmId: algorithm.id, versionId: algorithm.versions[0]!.id, callerId: user.id, timeoutSeconds: 60, status: 'QUEUED', maxAttempts: 3 },
      Array.from({ length: 6 }, (_, n) => ({ input: { n } })),
    );
    const runIds = admissions.map((admission) => (admission.admitted ? admission.runId : ''));
    // Its lease outlasts the outage, so nothing is re-queued behind its back.
    executor = startTestRunExecutor(db, executorTestContext, { leaseMs: 60_000 });
    await expect.poll(() => endpoint.calls.length, { timeout: 10_000 }).toBe(6);

    const port = cluster.port;
    await cluster.stop();
    release(); // the endpoint answers while nothing can be written
    await sleep(10_000); // the outage itself, not an assertion
    cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port });

    const outcomes = async () => {
      const runs = await db.algorithmRun.findMany({ where: { id: { in: runIds } }, select: { input: true, status: true, output: true, error: true } });
      return runs.sort((a, b) => (a.input as { n: number }).n - (b.input as { n: number }).n).map(({ input: _input, ...outcome }) => outcome);
    };
    await expect
      .poll(outcomes, { timeout: 20_000, interval: 200 })
      .toEqual(
        Array.from({ length: 6 }, (_, n) =>
          n % 3 === 0
            ? { status: 'FAILED', output: null, error: `The algorithm answered HTTP 400: bad input ${n}` }
            : { status: 'SUCCEEDED', output: { done: n }, error: null },
        ),
      );
    expect(endpoint.calls).toHaveLength(6);
  });
});
