import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerApiToken } from '@/lib/auth/worker-token';
import { createDb } from '@/lib/db/client';
import type { RunStatus } from '@/lib/generated/prisma/client';
import { logger } from '@/lib/logger';
import { deleteExpiredRuns } from '@/lib/runs/delete-expired-runs';
import { getRunDetail } from '@/lib/runs/get-run-detail';
import { pruneDeletedRunMessages } from '@/lib/runs/prune-deleted-run-messages';
import { requeueDeadRuns } from '@/lib/runs/requeue-dead-runs';
import { startRetentionSweeper } from '@/worker/retention-sweeper';
import { startApp, TEST_AUTH_SECRET, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm, createUser } from '../support/factories';

const HOUR = 3_600_000;

// Retention (lib/runs/delete-expired-runs.ts, worker/retention-sweeper.ts) on a real
// PostgreSQL: runs dated in the past, one sweep, and what is left.
describe('run retention', () => {
  let t: TestDatabase;
  let app: RunningApp;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    await t.db.platformSettings.create({ data: { maxWorkers: 100, userSessionLimit: 100, runRetentionHours: 1 } });
  });
  afterAll(async () => {
    await app?.stop();
    await t?.drop();
  });

  async function ownerWithFlow(flowOptions: { runRetentionHours?: number } = {}) {
    const owner = await createUser(t.db);
    const algorithm = await createAlgorithm(t.db, owner.id);
    const flow = await createEventFlow(t.db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl: `https://sqs.us-east-1.amazonaws.com/123456789012/q-${randomUUID()}` });
    if (flowOptions.runRetentionHours) await t.db.eventFlow.update({ where: { id: flow.id }, data: { runRetentionHours: flowOptions.runRetentionHours } });
    return { owner, algorithm, flow };
  }

  /** A run that ended (or, with `endedHoursAgo` null, has not) some hours ago. */
  async function runOf(
    scene: Awaited<ReturnType<typeof ownerWithFlow>>,
    status: RunStatus,
    endedHoursAgo: number | null,
    options: { viaApi?: boolean; createdHoursAgo?: number } = {},
  ): Promise<string> {
    const now = Date.now();
    const run = await t.db.algorithmRun.create({
      data: {
        algorithmId: scene.algorithm.id,
        versionId: scene.algorithm.versions[0]!.id,
        callerId: scene.owner.id,
        source: options.viaApi ? 'API' : 'EVENT_FLOW',
        eventFlowId: options.viaApi ? undefined : scene.flow.id,
        sqsMessageId: options.viaApi ? undefined : `message-${randomUUID()}`,
        input: { hello: 'world' },
        timeoutSeconds: 30,
        status,
        attempt: 1,
        maxAttempts: 1,
        createdAt: new Date(now - (options.createdHoursAgo ?? (endedHoursAgo ?? 0) + 0.1) * HOUR),
        finishedAt: endedHoursAgo === null ? null : new Date(now - endedHoursAgo * HOUR),
      },
    });
    return run.id;
  }

  const remainingOf = async (ids: string[]) =>
    (await t.db.algorithmRun.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((run) => run.id).sort();

  /** One pass of the worker's sweeper (it sweeps as it starts), stopped once `done` holds. */
  async function sweepUntil(done: () => Promise<boolean>): Promise<void> {
    const sweeper = startRetentionSweeper({ db: t.db, intervalMs: 100, batchSize: 2, metricsRetentionDays: 14, logger });
    try {
      await expect.poll(done, { timeout: 10_000 }).toBe(true);
    } finally {
      await sweeper.stop();
    }
  }

  it('with a one-hour retention, the next sweep deletes runs ended longer ago, and keeps newer runs, dead runs inside their window and counters and charts', async () => {
    const scene = await ownerWithFlow();
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await t.db.eventFlow.update({ where: { id: scene.flow.id }, data: { receivedCount: 40, acceptedCount: 38, requeuedCount: 2, failedCount: 1 } });
    await t.db.flowMetricMinute.create({ data: { eventFlowId: scene.flow.id, minute, received: 40, accepted: 38, runsSucceeded: 30, runsFailed: 4, runsDead: 3 } });
    const expired = [
      await runOf(scene, 'SUCCEEDED', 2),
      await runOf(scene, 'FAILED', 3),
      await runOf(scene, 'TIMED_OUT', 2, { viaApi: true }),
      await runOf(scene, 'SUCCEEDED', 30 * 24, { viaApi: true }),
      await runOf(scene, 'DEAD', 1.5, { createdHoursAgo: 72 }),
      await runOf(scene, 'EXPIRED', 2, { createdHoursAgo: 26 }),
    ];
    const kept = [
      await runOf(scene, 'SUCCEEDED', 0.5),
      await runOf(scene, 'FAILED', 0.9, { viaApi: true }),
      // Created three days ago, died half an hour ago: its hour counts from its death.
      await runOf(scene, 'DEAD', 0.5, { createdHoursAgo: 72 }),
      await runOf(scene, 'EXPIRED', 0.2, { createdHoursAgo: 25 }),
      await runOf(scene, 'QUEUED', null, { createdHoursAgo: 72 }),
      await runOf(scene, 'RUNNING', null, { createdHoursAgo: 72 }),
    ];
    const flowBefore = await t.db.eventFlow.findUniqueOrThrow({ where: { id: scene.flow.id } });

    await sweepUntil(async () => (await remainingOf(expired)).length === 0);

    expect(await remainingOf([...expired, ...kept])).toEqual([...kept].sort());
    const flowAfter = await t.db.eventFlow.findUniqueOrThrow({ where: { id: scene.flow.id } });
    expect(flowAfter).toMatchObject({ receivedCount: 40, acceptedCount: 38, requeuedCount: 2, failedCount: 1, updatedAt: flowBefore.updatedAt });
    expect(await t.db.flowMetricMinute.findMany({ where: { eventFlowId: scene.flow.id } })).toEqual([
      expect.objectContaining({ minute, received: 40, accepted: 38, runsSucceeded: 30, runsFailed: 4, runsDead: 3 }),
    ]);
    // The flow's deleted runs leave their message ids for redeliveries, for 14 days from admission.
    const remembered = await t.db.deletedRunMessage.findMany({ where: { eventFlowId: scene.flow.id } });
    expect(remembered.map((message) => message.runId).sort()).toEqual([expired[0], expired[1], expired[4], expired[5]].sort());
    const dead = await t.db.deletedRunMessage.findFirstOrThrow({ where: { runId: expired[4] } });
    expect(dead.status).toBe('DEAD');
    expect(Math.abs(dead.expiresAt.getTime() - (Date.now() - 72 * HOUR + 14 * 24 * HOUR))).toBeLessThan(60_000);
  });

  it('answers a redelivered message of a deleted run with its run id, and runs it no second time', async () => {
    const scene = await ownerWithFlow();
    const delivered = (messages: Array<{ id: string; body: string }>) =>
      fetch(`${app.url}/v1/event-flows/${scene.flow.id}/messages`, {
        method: 'POST',
        headers: { authorization: `Worker ${workerApiToken(TEST_AUTH_SECRET)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ messages }),
      }).then(async (response) => {
        expect(response.status).toBe(200);
        return (await response.json()).results as Array<{ id: string; status: number; runId?: string }>;
      });
    const [first] = await delivered([{ id: 'order-1', body: '{"order":1}' }]);
    expect(first).toMatchObject({ status: 200 });
    // It ran and finished two hours ago; the sweep deletes it.
    await t.db.algorithmRun.update({ where: { id: first!.runId }, data: { status: 'SUCCEEDED', finishedAt: new Date(Date.now() - 2 * HOUR) } });
    await sweepUntil(async () => (await t.db.algorithmRun.count({ where: { id: first!.runId } })) === 0);

    // SQS delivers it again (the delete was lost), twice, with a new message beside it.
    const again = await delivered([
      { id: 'order-1', body: '{"order":1}' },
      { id: 'order-2', body: '{"order":2}' },
      { id: 'order-1', body: '{"order":1}' },
    ]);
    expect(again[0]).toEqual({ id: 'order-1', status: 200, runId: first!.runId });
    expect(again[2]).toEqual(again[0]);
    expect(again[1]).toMatchObject({ id: 'order-2', status: 200 });
    expect(await t.db.algorithmRun.count({ where: { eventFlowId: scene.flow.id } })).toBe(1);
    expect(await t.db.algorithmRun.count({ where: { eventFlowId: scene.flow.id, sqsMessageId: 'order-1' } })).toBe(0);
    // Redeliveries arriving at once are answered alike.
    const racing = await Promise.all(Array.from({ length: 4 }, () => delivered([{ id: 'order-1', body: '{}' }])));
    expect(racing.map(([answer]) => answer!.runId)).toEqual(Array(4).fill(first!.runId));
    expect(await t.db.algorithmRun.count({ where: { eventFlowId: scene.flow.id } })).toBe(1);
  });

  it("keeps a connection's runs for its own window, longer or shorter than the platform's", async () => {
    const keepsLonger = await ownerWithFlow({ runRetentionHours: 48 });
    const keepsShorter = await ownerWithFlow({ runRetentionHours: 2 });
    await t.db.platformSettings.update({ where: { id: 1 }, data: { runRetentionHours: 24 } });
    try {
      const longerKept = await runOf(keepsLonger, 'SUCCEEDED', 30);
      const longerGone = await runOf(keepsLonger, 'FAILED', 49);
      const shorterGone = await runOf(keepsShorter, 'SUCCEEDED', 3);
      const shorterKept = await runOf(keepsShorter, 'SUCCEEDED', 1);
      const apiKept = await runOf(keepsShorter, 'SUCCEEDED', 3, { viaApi: true });

      await sweepUntil(async () => (await remainingOf([longerGone, shorterGone])).length === 0);

      expect(await remainingOf([longerKept, longerGone, shorterGone, shorterKept, apiKept])).toEqual([longerKept, shorterKept, apiKept].sort());
      // The run page says when, by the window that applies.
      expect((await getRunDetail(t.db, keepsLonger.owner.id, longerKept)).deletion).toMatchObject({ keptForHours: 48 });
      expect((await getRunDetail(t.db, keepsShorter.owner.id, apiKept)).deletion).toMatchObject({ keptForHours: 24 });
      const shorter = await getRunDetail(t.db, keepsShorter.owner.id, shorterKept);
      expect(new Date(shorter.deletion!.after).getTime()).toBe(new Date(shorter.finishedAt!).getTime() + 2 * HOUR);
    } finally {
      await t.db.platformSettings.update({ where: { id: 1 }, data: { runRetentionHours: 1 } });
    }
  });

  it('never deletes a dead run once it is replayed', async () => {
    const scene = await ownerWithFlow();
    const replayed = await runOf(scene, 'DEAD', 5);
    expect(await requeueDeadRuns(t.db, scene.owner.id, { runId: replayed })).toEqual([replayed]);
    const expired = await runOf(scene, 'DEAD', 5);

    await sweepUntil(async () => (await remainingOf([expired])).length === 0);
    expect(await t.db.algorithmRun.findUniqueOrThrow({ where: { id: replayed } })).toMatchObject({ status: 'QUEUED', finishedAt: null });
    expect((await getRunDetail(t.db, scene.owner.id, replayed)).deletion).toBeNull();
  });

  it('lets several workers sweep at once: every run is deleted once, none fails', async () => {
    const scene = await ownerWithFlow();
    await t.db.algorithmRun.createMany({
      data: Array.from({ length: 600 }, (_, i) => ({
        algorithmId: scene.algorithm.id,
        versionId: scene.algorithm.versions[0]!.id,
        callerId: scene.owner.id,
        source: 'EVENT_FLOW' as const,
        eventFlowId: scene.flow.id,
        sqsMessageId: `bulk-${i}`,
        input: {},
        timeoutSeconds: 30,
        status: 'SUCCEEDED' as const,
        createdAt: new Date(Date.now() - 3 * HOUR),
        finishedAt: new Date(Date.now() - 2 * HOUR),
      })),
    });
    // Three processes' connections, each deleting in batches until nothing is left.
    const workers = [createDb(t.url), createDb(t.url), createDb(t.url)];
    try {
      const counts = await Promise.all(
        workers.map(async (db) => {
          let total = 0;
          for (let batch; (batch = await deleteExpiredRuns(db, 25)).deleted > 0; ) total += batch.deleted;
          return total;
        }),
      );
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(600);
      expect(await t.db.algorithmRun.count({ where: { eventFlowId: scene.flow.id } })).toBe(0);
      expect(await t.db.deletedRunMessage.count({ where: { eventFlowId: scene.flow.id } })).toBe(600);
    } finally {
      await Promise.all(workers.map((db) => db.$disconnect()));
    }
  });

  it('forgets the message ids of deleted runs once SQS can no longer redeliver them', async () => {
    const scene = await ownerWithFlow();
    await t.db.deletedRunMessage.createMany({
      data: [
        { eventFlowId: scene.flow.id, sqsMessageId: 'old', runId: 'run-old', status: 'SUCCEEDED', expiresAt: new Date(Date.now() - HOUR) },
        { eventFlowId: scene.flow.id, sqsMessageId: 'recent', runId: 'run-recent', status: 'SUCCEEDED', expiresAt: new Date(Date.now() + HOUR) },
      ],
    });
    expect(await pruneDeletedRunMessages(t.db, 1000)).toBeGreaterThanOrEqual(1);
    expect((await t.db.deletedRunMessage.findMany({ where: { eventFlowId: scene.flow.id } })).map((message) => message.sqsMessageId)).toEqual(['recent']);
  });
});
