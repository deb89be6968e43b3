import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { genericPlanPool } from '@/lib/db/client';
import { verifyDataToken } from '@/lib/data/data-token';
import { claimQueuedRuns } from '@/lib/runs/claim-queued-runs';
import { INTERRUPTED_RUN_ERROR } from '@/lib/runs/recover-stuck-runs';
import { RUNS_QUEUED_CHANNEL } from '@/lib/runs/run-channels';
import { EXECUTOR_TEST_SECRET, useExecutorScene } from '../support/executor-scene';

describe('the run executor', () => {
  const scene = useExecutorScene();

  it('posts the input to the version endpoint with the algorithm context, and records the output', async () => {
    const a = await scene.algorithmAnswering((call) => ({ body: { echoed: call.body } }));
    const flow = await scene.db.eventFlow.create({
      data: { kind: 'BROKER', algorithmId: a.algorithm.id, creatorId: a.user.id, queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', roleArn: 'arn:aws:iam::123456789012:role/r' },
    });
    const [runId] = await scene.queueRuns(a, [{ input: { filename: 'a.txt', data: 'hello' }, sqsMessageId: 'message-1' }], { eventFlowId: flow.id });
    scene.start();
    const run = await scene.finished(runId!);

    expect(run).toMatchObject({ status: 'SUCCEEDED', output: { echoed: { filename: 'a.txt', data: 'hello' } }, error: null, attempt: 1 });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect(run.startedAt!.getTime()).toBeLessThanOrEqual(run.finishedAt!.getTime());
    const [call] = a.endpoint.calls;
    expect(call?.headers).toMatchObject({ 'x-run-id': runId, 'x-run-attempt': '1', 'x-sqs-message-id': 'message-1', 'x-data-api': 'http://platform.test' });
    const token = /^Bearer (\S+)$/.exec(String(call?.headers.authorization))?.[1] ?? '';
    expect(verifyDataToken(EXECUTOR_TEST_SECRET, token)).toBe(a.user.id);
  });

  it('never runs a run twice, even with two executors claiming side by side', async () => {
    const a = await scene.algorithmAnswering(async (call) => {
      // The algorithm's own work time, not a wait: its runs are still RUNNING while the
      // other executor claims, which is when a run could be claimed a second time.
      await sleep(20);
      return { body: call.body };
    });
    const runIds = await scene.queueRuns(a, Array.from({ length: 30 }, (_, i) => ({ input: i })));
    scene.start();
    scene.start();
    for (const runId of runIds) expect((await scene.finished(runId)).status).toBe('SUCCEEDED');
    const callsPerRun = new Map<string, number>();
    for (const call of a.endpoint.calls) callsPerRun.set(String(call.headers['x-run-id']), (callsPerRun.get(String(call.headers['x-run-id'])) ?? 0) + 1);
    expect([...callsPerRun.keys()].sort()).toEqual([...runIds].sort());
    expect(new Set(callsPerRun.values())).toEqual(new Set([1]));
  });

  it('plans the claim and the outcome write once per connection, never anew for each call', async () => {
    const a = await scene.algorithmAnswering();
    const runIds = await scene.queueRuns(a, Array.from({ length: 20 }, (_, i) => ({ input: i })));
    scene.start();
    for (const runId of runIds) expect((await scene.finished(runId)).status).toBe('SUCCEEDED');

    // PostgreSQL's own count, on every connection of the pool the executor claims and finishes on.
    const pool = genericPlanPool(scene.db);
    const clients = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
    try {
      const plans = { generic: 0, custom: 0 };
      for (const client of clients) {
        const { rows } = await client.query<{ generic_plans: string; custom_plans: string }>(
          `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name IN ('finish-runs', 'claim_queued_runs')`,
        );
        for (const row of rows) {
          plans.generic += Number(row.generic_plans);
          plans.custom += Number(row.custom_plans);
        }
      }
      // Both statements ran with a generic plan (at least once each), never with one made
      // for the call.
      expect(plans.custom).toBe(0);
      expect(plans.generic).toBeGreaterThanOrEqual(2);
    } finally {
      for (const client of clients) client.release();
    }
  });

  it('keeps at most the maximum of workers executing, across executors', async () => {
    let running = 0;
    let most = 0;
    const a = await scene.algorithmAnswering(async (call) => {
      most = Math.max(most, ++running);
      // The algorithm's own work time, not a wait: runs last long enough to overlap, so a
      // third one executing beside two others would be seen.
      await sleep(150);
      running--;
      return { body: call.body };
    });
    const runIds = await scene.queueRuns(a, Array.from({ length: 8 }, (_, i) => ({ input: i })));
    // Lowered after the runs were admitted: the executors follow the setting as it is now.
    await scene.db.platformSettings.update({ where: { id: 1 }, data: { maxWorkers: 2 } });
    scene.start();
    scene.start();
    for (const runId of runIds) expect((await scene.finished(runId)).status).toBe('SUCCEEDED');
    expect(most).toBe(2);
  });

  it('fails a synchronous run left RUNNING by a web process that died, and runs the queued runs', async () => {
    const a = await scene.algorithmAnswering();
    const abandoned = await scene.db.algorithmRun.create({
      data: { algorithmId: a.algorithm.id, versionId: a.versionId, callerId: a.user.id, source: 'API', status: 'RUNNING', attempt: 1, input: 'sync', timeoutSeconds: 5, startedAt: new Date(Date.now() - 3_600_000) },
    });
    const [waiting] = await scene.queueRuns(a, [{ input: 'queued before the restart' }]);

    scene.start();
    expect(await scene.finished(abandoned.id)).toMatchObject({ status: 'FAILED', error: INTERRUPTED_RUN_ERROR });
    expect(await scene.finished(waiting!)).toMatchObject({ status: 'SUCCEEDED', output: 'queued before the restart' });
    expect(a.endpoint.calls.map((call) => call.headers['x-run-id'])).toEqual([waiting]);
  });

  it('leaves a run alone while the executor holding it is alive', async () => {
    const a = await scene.algorithmAnswering();
    const [inProgress] = await scene.queueRuns(a, [{ input: 'still running elsewhere' }]);
    await scene.db.workerProcess.create({ data: { id: 'alive-elsewhere', hostname: 'other', heartbeatAt: new Date() } });
    expect((await claimQueuedRuns(scene.db, { executorId: 'alive-elsewhere', limit: 1, maxWorkers: 100, userSessionLimit: 100 })).runs.map((run) => run.id)).toEqual([inProgress]);
    // Another user's run, queued behind it: once that one has finished, the executor has
    // been through a whole pass (it re-queues dead executors' runs before it claims).
    const other = await scene.algorithmAnswering();
    const [passed] = await scene.queueRuns(other, [{ input: 'after the maintenance' }]);
    scene.start();
    expect((await scene.finished(passed!)).status).toBe('SUCCEEDED');
    expect(await scene.db.algorithmRun.findUniqueOrThrow({ where: { id: inProgress! } })).toMatchObject({ status: 'RUNNING', executorId: 'alive-elsewhere', attempt: 1 });
    expect(a.endpoint.calls).toHaveLength(0);
  });

  it('claims a queued run as soon as it is woken, not at its next poll', async () => {
    // The endpoint holds a first run: when its call arrives, the claim that took it is over
    // and nothing but a wake or the next poll (ten minutes away) claims again.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const a = await scene.algorithmAnswering(async (call) => {
      if (call.body === 'held') await held;
      return { body: call.body };
    });
    await scene.queueRuns(a, [{ input: 'held' }]);
    const executor = scene.start({ pollIntervalMs: 600_000 });
    try {
      await expect.poll(() => a.endpoint.calls.length).toBe(1);
      const [runId] = await scene.queueRuns(a, [{ input: 'woken' }]);
      executor.wake();
      expect(await scene.finished(runId!)).toMatchObject({ status: 'SUCCEEDED', output: 'woken' });
    } finally {
      release();
    }
  });

  it('claims nothing for an executor that has no room', async () => {
    const a = await scene.algorithmAnswering();
    await scene.queueRuns(a, [{ input: 1 }]);
    expect((await claimQueuedRuns(scene.db, { executorId: 'x', limit: 0, maxWorkers: 100, userSessionLimit: 100 })).runs).toEqual([]);
  });

  it('announces every queued run on its NOTIFY channel once committed', async () => {
    const a = await scene.algorithmAnswering();
    const listener = new pg.Client({ connectionString: scene.url });
    const notified: string[] = [];
    listener.on('notification', (message) => notified.push(message.channel));
    await listener.connect();
    try {
      await listener.query(`LISTEN ${RUNS_QUEUED_CHANNEL}`);
      await scene.queueRuns(a, [{ input: 'one' }]);
      await scene.queueRuns(a, [{ input: 'two' }]);
      await expect.poll(() => notified, { timeout: 5_000 }).toEqual([RUNS_QUEUED_CHANNEL, RUNS_QUEUED_CHANNEL]);
    } finally {
      await listener.end();
    }
  });

  it('records outcomes finished together each once: in their runs and in the flow\'s rollup', async () => {
    // 40 runs end within milliseconds of each other, so their outcomes are written in shared batches.
    const a = await scene.algorithmAnswering((call) => ((call.body as number) % 4 === 0 ? { status: 400, body: { error: 'no' } } : { body: call.body }));
    const flow = await scene.db.eventFlow.create({
      data: { kind: 'BROKER', algorithmId: a.algorithm.id, creatorId: a.user.id, queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', roleArn: 'arn:aws:iam::123456789012:role/r' },
    });
    const runIds = await scene.queueRuns(a, Array.from({ length: 40 }, (_, i) => ({ input: i })), { eventFlowId: flow.id });
    scene.start();
    const runs = await Promise.all(runIds.map((runId) => scene.finished(runId)));

    expect(runs.filter((run) => run.status === 'SUCCEEDED')).toHaveLength(30);
    expect(runs.filter((run) => run.status === 'FAILED')).toHaveLength(10);
    for (const run of runs) expect(run.attemptLog).toHaveLength(1);
    const minutes = await scene.db.flowMetricMinute.findMany({ where: { eventFlowId: flow.id } });
    const sum = (pick: (minute: (typeof minutes)[number]) => number) => minutes.reduce((total, minute) => total + pick(minute), 0);
    expect({ succeeded: sum((m) => m.runsSucceeded), failed: sum((m) => m.runsFailed), durations: sum((m) => m.durationBuckets.reduce((x, y) => x + y, 0)) }).toEqual({
      succeeded: 30,
      failed: 10,
      durations: 40,
    });
  });
  it('fails a run whose output or error PostgreSQL cannot store, alone: the runs finishing beside it succeed', async () => {
    // Every fourth run answers something jsonb or text columns refuse (\u0000, a lone
    // surrogate); the 40 end together, so they share outcome batches with the others.
    const a = await scene.algorithmAnswering((call) => {
      const n = call.body as number;
      if (n % 4 === 1) return { body: { text: 'nul \u0000 here' } };
      if (n % 4 === 2) return { body: { text: 'lone \uD800 surrogate' } };
      if (n % 4 === 3) return { status: 500, body: 'broken \u0000 body', text: true };
      return { body: n };
    });
    const runIds = await scene.queueRuns(a, Array.from({ length: 40 }, (_, i) => ({ input: i })), { maxAttempts: 1 });
    scene.start();
    const runs = await Promise.all(runIds.map((runId) => scene.finished(runId)));

    expect(runs.filter((_, i) => i % 4 === 0).map((run) => [run.status, run.output])).toEqual(Array.from({ length: 10 }, (_, i) => ['SUCCEEDED', 4 * i]));
    for (const run of runs.filter((_, i) => i % 4 === 1)) expect(run).toMatchObject({ status: 'FAILED', error: expect.stringContaining('\\u0000') });
    for (const run of runs.filter((_, i) => i % 4 === 2)) expect(run).toMatchObject({ status: 'FAILED', error: expect.stringContaining('surrogate') });
    for (const run of runs.filter((_, i) => i % 4 === 3)) expect(run.error).toMatch(/HTTP 500: broken .* body/);
  });
});
