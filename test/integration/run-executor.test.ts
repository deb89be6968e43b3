import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyDataToken } from '@/lib/data/data-token';
import { findFreePort } from '@/lib/local/ports';
import { logger } from '@/lib/logger';
import { admitRun } from '@/lib/runs/admit-run';
import { admitRuns, RUNS_QUEUED_CHANNEL } from '@/lib/runs/admit-runs';
import { claimQueuedRuns } from '@/lib/runs/claim-queued-runs';
import { INTERRUPTED_RUN_ERROR } from '@/lib/runs/recover-stuck-runs';
import type { RunContext } from '@/lib/runs/run-context';
import { startRunExecutor, type RunExecutor } from '@/lib/runs/start-run-executor';
import { startAlgorithmEndpoint, type AlgorithmEndpoint, type EndpointAnswer, type ReceivedCall } from '../support/algorithm-endpoint';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createAlgorithm, createUser } from '../support/factories';

const SECRET = 'executor-test-secret-that-is-long-enough';
const context: RunContext = { authSecret: SECRET, dataApiUrl: 'http://platform.test', logger };

describe('the run executor', () => {
  let t: TestDatabase;
  let endpoint: AlgorithmEndpoint | undefined;
  const executors: RunExecutor[] = [];

  beforeEach(async () => {
    t = await createTestDatabase();
    // Room to queue many runs; the capacity limits have tests of their own (algo-api).
    await t.db.platformSettings.create({ data: { maxWorkers: 100, userSessionLimit: 100 } });
  });
  afterEach(async () => {
    await Promise.all(executors.splice(0).map((executor) => executor.stop(1_000)));
    await endpoint?.close();
    await t.drop();
  });

  function start(options: { stuckGraceSeconds?: number; pollIntervalMs?: number } = {}) {
    const executor = startRunExecutor({ db: t.db, context, pollIntervalMs: 50, ...options });
    executors.push(executor);
    return executor;
  }

  async function algorithmAnswering(answer?: (call: ReceivedCall) => EndpointAnswer | Promise<EndpointAnswer>) {
    endpoint = await startAlgorithmEndpoint(answer);
    const user = await createUser(t.db);
    const algorithm = await createAlgorithm(t.db, user.id, { endpointUrl: endpoint.url });
    return { user, algorithm, versionId: algorithm.versions[0]!.id };
  }

  async function queueRun(a: { user: { id: string }; algorithm: { id: string }; versionId: string }, input: unknown, timeoutSeconds = 30) {
    const run = await admitRun(t.db, { algorithmId: a.algorithm.id, versionId: a.versionId, callerId: a.user.id, input, timeoutSeconds, status: 'QUEUED' });
    return run.id;
  }

  async function finished(runId: string) {
    await expect
      .poll(async () => (await t.db.algorithmRun.findUniqueOrThrow({ where: { id: runId } })).status, { timeout: 10_000, interval: 50 })
      .not.toMatch(/QUEUED|RUNNING/);
    return t.db.algorithmRun.findUniqueOrThrow({ where: { id: runId } });
  }

  it('posts the input to the version endpoint with the algorithm context, and records the output', async () => {
    const a = await algorithmAnswering((call) => ({ body: { echoed: call.body } }));
    const flow = await t.db.eventFlow.create({
      data: { kind: 'BROKER', algorithmId: a.algorithm.id, creatorId: a.user.id, queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', roleArn: 'arn:aws:iam::123456789012:role/r' },
    });
    const [admission] = await admitRuns(
      t.db,
      { algorithmId: a.algorithm.id, versionId: a.versionId, callerId: a.user.id, timeoutSeconds: 30, status: 'QUEUED', eventFlowId: flow.id },
      [{ input: { filename: 'a.txt', data: 'hello' }, sqsMessageId: 'message-1' }],
    );
    const runId = admission?.admitted ? admission.runId : '';
    start();
    const run = await finished(runId);

    expect(run).toMatchObject({ status: 'SUCCEEDED', output: { echoed: { filename: 'a.txt', data: 'hello' } }, error: null });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect(run.startedAt!.getTime()).toBeLessThanOrEqual(run.finishedAt!.getTime());
    const [call] = endpoint!.calls;
    expect(call?.headers).toMatchObject({ 'x-run-id': runId, 'x-sqs-message-id': 'message-1', 'x-data-api': 'http://platform.test' });
    const token = /^Bearer (\S+)$/.exec(String(call?.headers.authorization))?.[1] ?? '';
    expect(verifyDataToken(SECRET, token)).toBe(a.user.id);
  });

  it('marks a run that outlives its timeout TIMED_OUT', async () => {
    const a = await algorithmAnswering(async () => {
      await sleep(3_000);
      return { body: 'too late' };
    });
    const runId = await queueRun(a, 'slow', 1);
    start();
    const run = await finished(runId);
    expect(run).toMatchObject({ status: 'TIMED_OUT', error: 'The run did not finish within its timeout of 1 s', output: null });
    expect(run.durationMs).toBeGreaterThanOrEqual(900);
    expect(run.durationMs).toBeLessThan(2_900);
  });

  it("records the algorithm's error, and an unreachable endpoint, as FAILED", async () => {
    const a = await algorithmAnswering(() => ({ status: 500, body: { error: { message: 'no such file' } } }));
    const failing = await queueRun(a, {});
    const closedPort = await findFreePort();
    const unreachableAlgorithm = await createAlgorithm(t.db, a.user.id, { endpointUrl: `http://127.0.0.1:${closedPort}/nothing-listens-here` });
    const unreachable = await queueRun({ ...a, algorithm: unreachableAlgorithm, versionId: unreachableAlgorithm.versions[0]!.id }, {});
    start();
    expect(await finished(failing)).toMatchObject({ status: 'FAILED', error: 'The algorithm answered HTTP 500: no such file' });
    expect(await finished(unreachable)).toMatchObject({ status: 'FAILED', error: "Could not reach the algorithm's endpoint: ECONNREFUSED" });
  });

  it('never runs a run twice, even with two executors claiming side by side', async () => {
    const a = await algorithmAnswering(async (call) => {
      await sleep(20);
      return { body: call.body };
    });
    const runIds = [];
    for (let i = 0; i < 30; i++) runIds.push(await queueRun(a, i));
    start();
    start();
    for (const runId of runIds) expect((await finished(runId)).status).toBe('SUCCEEDED');
    const callsPerRun = new Map<string, number>();
    for (const call of endpoint!.calls) callsPerRun.set(String(call.headers['x-run-id']), (callsPerRun.get(String(call.headers['x-run-id'])) ?? 0) + 1);
    expect([...callsPerRun.keys()].sort()).toEqual([...runIds].sort());
    expect(new Set(callsPerRun.values())).toEqual(new Set([1]));
  });

  it('keeps at most maxWorkers runs in flight', async () => {
    let running = 0;
    let most = 0;
    const a = await algorithmAnswering(async (call) => {
      most = Math.max(most, ++running);
      await sleep(150);
      running--;
      return { body: call.body };
    });
    const runIds = [];
    for (let i = 0; i < 6; i++) runIds.push(await queueRun(a, i));
    // Lowered after the runs were admitted: the executor follows the setting as it is now.
    await t.db.platformSettings.update({ where: { id: 1 }, data: { maxWorkers: 2 } });
    start();
    for (const runId of runIds) expect((await finished(runId)).status).toBe('SUCCEEDED');
    expect(most).toBe(2);
  });

  it('fails a run left RUNNING by a process that died, and runs the queued runs it left behind', async () => {
    const a = await algorithmAnswering();
    const abandoned = await queueRun(a, 'claimed by a process that then died', 5);
    // The dead executor claimed it (RUNNING) and never finished: its process is gone.
    expect((await claimQueuedRuns(t.db, 1)).map((run) => run.id)).toEqual([abandoned]);
    await t.db.algorithmRun.update({ where: { id: abandoned }, data: { startedAt: new Date(Date.now() - 3_600_000) } });
    const waiting = await queueRun(a, 'queued before the restart');

    start();
    expect(await finished(abandoned)).toMatchObject({ status: 'FAILED', error: INTERRUPTED_RUN_ERROR });
    expect(await finished(waiting)).toMatchObject({ status: 'SUCCEEDED', output: 'queued before the restart' });
    expect(endpoint!.calls.map((call) => call.headers['x-run-id'])).toEqual([waiting]);
  });

  it('leaves a RUNNING run alone while its timeout has not passed', async () => {
    const a = await algorithmAnswering();
    const inProgress = await queueRun(a, 'still running elsewhere', 60);
    await claimQueuedRuns(t.db, 1);
    start({ stuckGraceSeconds: 0 });
    await sleep(300);
    expect((await t.db.algorithmRun.findUniqueOrThrow({ where: { id: inProgress } })).status).toBe('RUNNING');
  });

  it('claims a queued run as soon as it is woken, not at its next poll', async () => {
    const a = await algorithmAnswering();
    const executor = start({ pollIntervalMs: 600_000 });
    await sleep(300); // its first pass found nothing: it is waiting for the next poll
    const runId = await queueRun(a, 'woken');
    executor.wake();
    expect(await finished(runId)).toMatchObject({ status: 'SUCCEEDED', output: 'woken' });
  });

  it('announces every queued run on its NOTIFY channel once committed', async () => {
    const a = await algorithmAnswering();
    const listener = new pg.Client({ connectionString: t.url });
    const notified: string[] = [];
    listener.on('notification', (message) => notified.push(message.channel));
    await listener.connect();
    try {
      await listener.query(`LISTEN ${RUNS_QUEUED_CHANNEL}`);
      await queueRun(a, 'one');
      await queueRun(a, 'two');
      await expect.poll(() => notified, { timeout: 5_000 }).toEqual([RUNS_QUEUED_CHANNEL, RUNS_QUEUED_CHANNEL]);
    } finally {
      await listener.end();
    }
  });
});
