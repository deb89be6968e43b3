import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { requeueDeadRuns } from '@/lib/runs/requeue-dead-runs';
import { RUNS_QUEUED_CHANNEL } from '@/lib/runs/run-channels';
import { useExecutorScene } from '../support/executor-scene';
import { createEventFlow } from '../support/event-flows';
import { createUser } from '../support/factories';

describe('replaying dead runs', () => {
  const scene = useExecutorScene();

  it('runs a DEAD run again once its endpoint is fixed: same run, next attempt, error cleared, audited', async () => {
    let fixed = false;
    const a = await scene.algorithmAnswering((call) => (fixed ? { body: { got: call.body } } : { status: 500, body: { error: 'broken' } }));
    const [runId] = await scene.queueRuns(a, [{ input: 'x' }], { maxAttempts: 2 });
    scene.start();
    expect(await scene.finished(runId!)).toMatchObject({ status: 'DEAD', attempt: 2 });

    fixed = true;
    expect(await requeueDeadRuns(scene.db, a.user.id, { runId: runId! })).toEqual({ replayedRunIds: [runId], refused: 0 });
    const run = await scene.finished(runId!);
    expect(run).toMatchObject({ status: 'SUCCEEDED', attempt: 3, error: null, output: { got: 'x' } });
    expect(run.attemptLog).toMatchObject([
      { attempt: 1, outcome: 'FAILED' },
      { attempt: 2, outcome: 'FAILED' },
      { attempt: 2, outcome: 'REPLAYED', by: a.user.id },
      { attempt: 3, outcome: 'SUCCEEDED' },
    ]);
    expect(a.endpoint.calls.map((call) => call.headers['x-run-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(a.endpoint.calls.map((call) => call.headers['x-run-id']))).toEqual(new Set([runId]));
  });

  it('gives an EXPIRED run a fresh expiry clock, so it is not expired again at once', async () => {
    const a = await scene.algorithmAnswering();
    const [runId] = await scene.queueRuns(a, [{ input: 'late' }]);
    await scene.db.algorithmRun.update({ where: { id: runId! }, data: { queuedAt: new Date(Date.now() - 25 * 3_600_000), createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    scene.start();
    expect(await scene.finished(runId!)).toMatchObject({ status: 'EXPIRED' });

    await requeueDeadRuns(scene.db, a.user.id, { runId: runId! });
    expect(await scene.finished(runId!)).toMatchObject({ status: 'SUCCEEDED', output: 'late' });
  });

  it("replays all dead runs of one connection, and nothing of another's", async () => {
    const a = await scene.algorithmAnswering();
    const flow = await createEventFlow(scene.db, { algorithmId: a.algorithm.id, creatorId: a.user.id, queueUrl: 'http://127.0.0.1:4566/000000000000/q' });
    const other = await createEventFlow(scene.db, { algorithmId: a.algorithm.id, creatorId: a.user.id, queueUrl: 'http://127.0.0.1:4566/000000000000/q2' });
    const ids = await scene.queueRuns(a, [{ input: 1 }, { input: 2 }, { input: 3 }], { eventFlowId: flow.id });
    const [otherId] = await scene.queueRuns(a, [{ input: 4 }], { eventFlowId: other.id });
    await scene.db.algorithmRun.updateMany({ data: { status: 'DEAD', attempt: 3, maxAttempts: 3, error: 'Gave up' } });
    await scene.db.algorithmRun.update({ where: { id: ids[2]! }, data: { status: 'EXPIRED' } });

    // Someone else's request finds no such connection and changes nothing.
    const stranger = await createUser(scene.db);
    await expect(requeueDeadRuns(scene.db, stranger.id, { flowId: flow.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await scene.db.algorithmRun.count({ where: { status: { in: ['DEAD', 'EXPIRED'] } } })).toBe(4);

    expect((await requeueDeadRuns(scene.db, a.user.id, { flowId: flow.id })).replayedRunIds.sort()).toEqual([...ids].sort());
    const replayed = await scene.db.algorithmRun.findMany({ where: { id: { in: ids } } });
    for (const run of replayed) expect(run).toMatchObject({ status: 'QUEUED', attempt: 3, maxAttempts: 6, error: null, finishedAt: null });
    expect(await scene.db.algorithmRun.findUniqueOrThrow({ where: { id: otherId! } })).toMatchObject({ status: 'DEAD' });
  });

  it('tells the executors at once (NOTIFY), and refuses runs that are not dead or not the caller’s', async () => {
    const a = await scene.algorithmAnswering();
    const [deadId, queuedId] = await scene.queueRuns(a, [{ input: 1 }, { input: 2 }]);
    await scene.db.algorithmRun.update({ where: { id: deadId! }, data: { status: 'DEAD', attempt: 1, maxAttempts: 1 } });
    const stranger = await createUser(scene.db);
    await expect(requeueDeadRuns(scene.db, stranger.id, { runId: deadId! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(requeueDeadRuns(scene.db, a.user.id, { runId: queuedId! })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await scene.db.algorithmRun.findUniqueOrThrow({ where: { id: deadId! } })).toMatchObject({ status: 'DEAD' });

    const listener = new pg.Client({ connectionString: scene.url });
    await listener.connect();
    try {
      await listener.query(`LISTEN ${RUNS_QUEUED_CHANNEL}`);
      const notified = new Promise((resolve) => listener.once('notification', resolve));
      await requeueDeadRuns(scene.db, a.user.id, { runId: deadId! });
      await expect(notified).resolves.toMatchObject({ channel: RUNS_QUEUED_CHANNEL });
    } finally {
      await listener.end();
    }
  });
});
