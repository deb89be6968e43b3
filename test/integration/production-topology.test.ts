import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { createDb, type Db } from '@/lib/db/client';
import { readMigrations } from '@/lib/db/migrate';
import { startEmbeddedPostgres, type EmbeddedCluster } from '@/lib/local/embedded-postgres';
import { findFreePort } from '@/lib/local/ports';
import { waitForHttp } from '@/lib/local/wait-for-http';
import { workerEnvOf } from '@/lib/local/worker-env';
import { startSqsEmulatorProcess, type SqsEmulatorProcess } from '@/bench/support/services';
import { signUpInBrowser } from '../support/accounts';
import { startAlgorithmEndpoint, type AlgorithmEndpoint } from '../support/algorithm-endpoint';
import { TEST_AUTH_SECRET } from '../support/app';
import { launchBrowser } from '../support/browser';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm, createUser, TEST_PASSWORD, uniqueName } from '../support/factories';
import { startRoleProcess, type RoleProcess } from '../support/role-process';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/round-robin-proxy';
import { createQueueWithDlq } from '../support/sqs';
import { queueDepth, sendMessages } from '../support/sqs-messages';

// The product as a platform team runs it (docs/operations.md): a PostgreSQL server it does
// not manage (only DATABASE_URL), the SQS emulator in a process of its own, `npm run
// migrate` twice at once, two `start:web` behind a round-robin load balancer and two
// `start:worker`, each started with the very command deploy/ runs (role-commands.ts).

const MESSAGES = 3_000;
// Sent in five rounds, one during each restart and one during the SIGKILL.
const ROUNDS = 5;
// Long enough that the test sees the drain even when a busy machine starves it of CPU for seconds.
const WEB_DRAIN_DELAY_MS = 8_000;
// Sign-in attempts per client address and minute, shared by both web processes through PostgreSQL.
const AUTH_ATTEMPTS_PER_MINUTE = 6;

interface Slot {
  port: number;
  url: string;
  process?: RoleProcess;
}

describe('the production topology: migrate, two web processes and two workers on one database', () => {
  let dir: string;
  let cluster: EmbeddedCluster;
  let databaseUrl: string;
  let db: Db;
  let emulator: SqsEmulatorProcess;
  let sqs: SQSClient;
  let endpoint: AlgorithmEndpoint;
  let heldEndpoint: AlgorithmEndpoint;
  const releases = new Map<string, () => void>();
  let proxy: RoundRobinProxy;
  const webs: Slot[] = [];
  const workers: Slot[] = [];
  let browser: Browser | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'eventflows-topology-'));
    await chmod(dir, 0o755);
    [cluster, emulator, endpoint, heldEndpoint] = await Promise.all([
      startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres') }),
      startSqsEmulatorProcess(),
      // The flows' algorithm: a few milliseconds a run, so runs are in progress through every restart.
      startAlgorithmEndpoint(async (call) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { body: call.body };
      }),
      // A synchronous run that answers only when the test says, to be in flight at a SIGTERM.
      startAlgorithmEndpoint(async (call) => {
        await new Promise<void>((resolve) => releases.set((call.body as { hold: string }).hold, resolve));
        return { body: call.body };
      }),
    ]);
    await cluster.createDatabase('eventflows');
    databaseUrl = cluster.urlFor('eventflows');
    db = createDb(databaseUrl);
    sqs = emulator.client();
    for (const slots of [webs, workers]) {
      for (let i = 0; i < 2; i++) {
        const port = await findFreePort();
        slots.push({ port, url: `http://127.0.0.1:${port}` });
      }
    }
    proxy = await startRoundRobinProxy(webs.map((web) => web.url));
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([...webs, ...workers].map((slot) => slot.process?.stop()));
    await proxy?.close();
    await db?.$disconnect();
    sqs?.destroy();
    await Promise.all([endpoint?.close(), heldEndpoint?.close(), emulator?.stop()]);
    await cluster?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  // What every role is configured with (deploy/: the ConfigMap and the Secret).
  const sharedEnv = (): Record<string, string> => ({
    DATABASE_URL: databaseUrl,
    AWS_ENDPOINT_URL_SQS: emulator.endpoint,
    // Both web processes serve one public URL: the load balancer's.
    APP_URL: proxy.url,
    MAX_WORKERS: '16',
    USER_SESSION_LIMIT: '8',
    LOG_LEVEL: 'warn',
  });

  const webEnv = (web: Slot): Record<string, string> => ({
    ...sharedEnv(),
    BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
    HOST: '127.0.0.1',
    PORT: String(web.port),
    TRUSTED_PROXY_HOPS: '1',
    AUTH_ATTEMPTS_PER_MINUTE: String(AUTH_ATTEMPTS_PER_MINUTE),
    WEB_DRAIN_DELAY_MS: String(WEB_DRAIN_DELAY_MS),
    // Its stopping and stopped lines, should a drain go wrong.
    LOG_LEVEL: 'info',
  });

  // The worker gets its own two keys, never the secret (as deploy/ gives them).
  const workerEnv = (worker: Slot): Record<string, string> => ({
    ...(workerEnvOf({ ...sharedEnv(), NODE_ENV: 'production', BETTER_AUTH_SECRET: TEST_AUTH_SECRET }) as Record<string, string>),
    PLATFORM_API_URL: proxy.url,
    WORKER_METRICS_PORT: String(worker.port),
    REQUEUE_DELAY_SECONDS: '1',
    WORKER_RECONCILE_INTERVAL_MS: '500',
    WORKER_LEASE_MS: '3000',
    WORKER_COUNTER_FLUSH_MS: '200',
    WORKER_DISPATCH_TIMEOUT_MS: '5000',
    WORKER_SHUTDOWN_GRACE_MS: '3000',
    WORKER_MAX_BACKOFF_MS: '500',
    WORKER_SAMPLE_INTERVAL_MS: '1000',
  });

  async function startRole(slot: Slot, role: 'web' | 'worker'): Promise<void> {
    slot.process = startRoleProcess(role, role === 'web' ? webEnv(slot) : workerEnv(slot));
    const probe = role === 'web' ? `${slot.url}/api/health/ready` : `${slot.url}/health/ready`;
    const exitedEarly = slot.process.exited.then((code) => {
      throw new Error(`${role} exited with ${code} while starting:\n${slot.process?.output()}`);
    });
    await Promise.race([waitForHttp(probe, 90_000), exitedEarly]);
  }

  const statusOf = (url: string) => fetch(url).then((response) => response.status, () => 0);

  it('runs `npm run migrate` twice at once: each migration is applied once, and both exit 0', { timeout: 120_000 }, async () => {
    const runs = [0, 1].map(() => startRoleProcess('migrate', { DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' }));
    expect(await Promise.all(runs.map((run) => run.exited))).toEqual([0, 0]);
    // Each logs what it applied (JSON lines): together, every migration once.
    const appliedBy = runs.map((run) =>
      run
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => (JSON.parse(line) as { applied?: string[] }).applied ?? []),
    );
    const names = (await readMigrations()).map((migration) => migration.name);
    expect(appliedBy.flat().sort()).toEqual(names);
    const recorded = await db.$queryRaw<Array<{ migration_name: string; times: number }>>`
      SELECT migration_name, count(*)::int AS times FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name`;
    expect(recorded).toEqual(names.map((name) => ({ migration_name: name, times: 1 })));
  });

  describe('with two web processes behind a load balancer and two workers', () => {
    beforeAll(async () => {
      await Promise.all([...webs.map((web) => startRole(web, 'web')), ...workers.map((worker) => startRole(worker, 'worker'))]);
    }, 180_000);

    it('limits sign-in across both web processes: past the limit a minute is 429 whichever process answers', { timeout: 180_000 }, async () => {
      const username = uniqueName('guessed');
      const signUp = await fetch(`${webs[0]!.url}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: proxy.url },
        body: JSON.stringify({ name: username, username, email: `${username}@example.test`, password: TEST_PASSWORD }),
      });
      expect(signUp.status).toBe(200);
      const signIn = (web: Slot, password: string) =>
        fetch(`${web.url}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: proxy.url },
          body: JSON.stringify({ email: `${username}@example.test`, password }),
        }).then((response) => response.status);
      // The limit's points, half through each process, at once: well within its minute on a busy machine.
      const statuses = await Promise.all(Array.from({ length: AUTH_ATTEMPTS_PER_MINUTE }, (_, call) => signIn(webs[call % 2]!, 'not-the-password')));
      expect(statuses).toEqual(Array.from({ length: AUTH_ATTEMPTS_PER_MINUTE }, () => 401));
      // Even the right password now waits, on either process.
      expect([await signIn(webs[0]!, TEST_PASSWORD), await signIn(webs[1]!, TEST_PASSWORD)]).toEqual([429, 429]);
    });

    it('keeps a browser session signed in through one web process when the other serves it', { timeout: 180_000 }, async () => {
      browser = await launchBrowser();
      const page = await browser.newPage();
      const [first, second] = webs.map((web) => web.url) as [string, string];
      proxy.pin(first);
      const username = await signUpInBrowser(page, proxy.url);
      const answeredBySecond = proxy.answered.get(second) ?? 0;

      proxy.pin(second);
      await page.goto(`${proxy.url}/`);
      await page.getByText(`Signed in as ${username}`).waitFor();
      expect(page.url()).toBe(`${proxy.url}/`);
      expect(proxy.answered.get(second)).toBeGreaterThan(answeredBySecond);
      proxy.pin(undefined);
    });

    // Last: the processes it restarts are its own, and it stops them.
    it('delivers 3,000 messages of three connections through a rolling restart and a SIGKILL: one run each, all SUCCEEDED, none in a DLQ', { timeout: 420_000 }, async () => {
      try {
        await deliverThroughRestarts();
      } finally {
        await Promise.all([...webs, ...workers].map((slot) => slot.process?.stop()));
      }
    });

    async function deliverThroughRestarts(): Promise<void> {
      const owner = await createUser(db);
      const algorithm = await createAlgorithm(db, owner.id, { endpointUrl: endpoint.url });
      const queues = await Promise.all([0, 1, 2].map(() => createQueueWithDlq(sqs, { visibilityTimeout: 5, maxReceiveCount: 10 })));
      const flows = await Promise.all(queues.map((queue) => createEventFlow(db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl: queue.queueUrl })));
      // A synchronous caller, for the requests in flight at each web process's SIGTERM.
      const caller = await createUser(db);
      const heldAlgorithm = await createAlgorithm(db, caller.id, { endpointUrl: heldEndpoint.url });
      const { key } = await createApiKey(db, caller.id, { name: 'in flight' });

      const sent: string[] = [];
      let round = 0;
      const sendRound = async () => {
        const perQueue = MESSAGES / ROUNDS / queues.length;
        const index = round++;
        const ids = await Promise.all(
          queues.map((queue, q) => sendMessages(sqs, queue.queueUrl, Array.from({ length: perQueue }, (_, i) => JSON.stringify({ round: index, queue: q, i })))),
        );
        sent.push(...ids.flat());
      };
      let restarts = 0;
      const began = Date.now();
      const mark = (step: string) => console.log(`[topology] ${((Date.now() - began) / 1000).toFixed(1)} s  ${step}`);

      // Each web process in turn: a request in flight at SIGTERM completes, readiness says 503
      // while it drains, and it exits 0; then it starts again. Messages are sent meanwhile.
      for (const web of webs) {
        const sending = sendRound();
        const hold = uniqueName('hold');
        const inFlight = fetch(`${web.url}/v1/algo/${caller.username}/${heldAlgorithm.name}`, {
          method: 'POST',
          headers: { authorization: `Simple ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ hold }),
        }).then(
          async (response) => ({ status: response.status, body: (await response.json()) as unknown }),
          (error: unknown) => ({ status: 0, body: String(error) }),
        );
        await expect.poll(() => releases.has(hold), { timeout: 60_000, interval: 20 }).toBe(true);
        const stopped = web.process!.stop();
        const draining = await expect
          .poll(() => statusOf(`${web.url}/api/health/ready`), { timeout: 2 * WEB_DRAIN_DELAY_MS, interval: 25 })
          .toBe(503)
          .then(() => undefined, (error: unknown) => error);
        releases.get(hold)!();
        expect(draining, `readiness while draining; the web process said:\n${web.process!.output()}`).toBeUndefined();
        expect(await inFlight).toEqual({ status: 200, body: expect.objectContaining({ result: { hold } }) });
        expect(await stopped).toBe(0);
        await startRole(web, 'web');
        await sending;
        restarts++;
        mark(`web ${web.url} drained (readiness 503, the request in flight answered 200), exited 0 and is ready again`);
      }
      // Each worker in turn: SIGTERM, exit 0, started again.
      for (const worker of workers) {
        const sending = sendRound();
        expect(await worker.process!.stop()).toBe(0);
        await startRole(worker, 'worker');
        await sending;
        restarts++;
        mark(`worker ${worker.url} stopped (exit 0) and is ready again`);
      }
      // Then one worker dies as an OOM kill would have it: its leases and runs must move.
      const sending = sendRound();
      process.kill(await workers[0]!.process!.rolePid(), 'SIGKILL');
      expect(await workers[0]!.process!.exited).not.toBe(0);
      await sending;
      expect(sent).toHaveLength(MESSAGES);
      mark(`worker ${workers[0]!.url} SIGKILLed; all ${sent.length} messages sent`);

      const flowIds = flows.map((flow) => flow.id);
      const succeeded = () => db.algorithmRun.count({ where: { eventFlowId: { in: flowIds }, status: 'SUCCEEDED' } });
      await expect.poll(succeeded, { timeout: 240_000, interval: 500 }).toBe(MESSAGES);
      mark(`all ${MESSAGES} runs SUCCEEDED`);
      for (const queue of queues) {
        await expect.poll(() => queueDepth(sqs, queue.queueUrl), { timeout: 30_000, interval: 250 }).toMatchObject({ total: 0 });
        expect(await queueDepth(sqs, queue.dlqUrl)).toMatchObject({ total: 0 });
      }
      const runs = await db.algorithmRun.findMany({ where: { eventFlowId: { in: flowIds } }, select: { sqsMessageId: true, status: true } });
      const runMessageIds = runs.map((run) => run.sqsMessageId);
      const duplicates = runMessageIds.length - new Set(runMessageIds).size;
      const ran = new Set(runMessageIds);
      const lost = sent.filter((id) => !ran.has(id)).length;
      expect({ runs: runs.length, duplicates, lost, notSucceeded: runs.filter((run) => run.status !== 'SUCCEEDED').length }).toEqual({
        runs: MESSAGES,
        duplicates: 0,
        lost: 0,
        notSucceeded: 0,
      });
      const flowCalls = endpoint.calls.filter((call) => call.headers['x-sqs-message-id']).length;
      console.log(
        `[topology] messages ${sent.length}, runs ${runs.length} (SUCCEEDED ${runs.length}), restarts ${restarts} + 1 SIGKILL, ` +
          `duplicates ${duplicates}, lost ${lost}, DLQ 0, endpoint calls ${flowCalls} (${flowCalls - runs.length} repeated after the kill), ` +
          `web answers via the proxy ${[...proxy.answered.values()].join(' / ')}`,
      );
    }
  });
});
