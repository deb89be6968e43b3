import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Worker } from '@/worker/worker';
import { notifyFlowsChanged } from '@/lib/flows/notify-flows-changed';
import { createQueueWithDlq } from '../support/sqs';
import { queueDepth, sendMessages } from '../support/sqs-messages';
import { startTestWorker } from '../support/worker';
import { createWorkerScene, type WorkerScene } from '../support/worker-scene';

// A message left alone for this long was not consumed: a negative cannot be awaited.
const QUIET_MS = 1_500;
// A long poll cancelled when a consumer stops may still have taken a message on the SQS
// side (it then stays invisible for the visibility timeout): short, so the test sees it
// come back; what matters is that nothing dispatched or deleted it.
const VISIBILITY_TIMEOUT = 2;

describe.each([
  // A reconcile interval far longer than the tests: only the NOTIFY can have acted.
  { how: 'on the NOTIFY the web app sends', notify: true, env: { WORKER_RECONCILE_INTERVAL_MS: '60000', WORKER_LEASE_MS: '120000' } },
  // No NOTIFY at all (e.g. it was missed): the periodic reconcile catches up.
  { how: 'by the periodic reconcile when a NOTIFY is missed', notify: false, env: { WORKER_RECONCILE_INTERVAL_MS: '500', WORKER_LEASE_MS: '3000' } },
])('worker follows flow changes $how', ({ notify, env }) => {
  let scene: WorkerScene;
  let worker: Worker;

  beforeAll(async () => {
    scene = await createWorkerScene();
    worker = startTestWorker(scene.database.db, scene.workerConfig(env));
    await vi.waitFor(() => expect(worker.health().healthy).toBe(true));
  });
  afterAll(async () => {
    await worker?.stop();
    await scene?.close();
  });

  const changed = async (flowId: string) => {
    if (notify) await notifyFlowsChanged(scene.database.db, flowId);
  };
  const runCount = async (flowId: string) => (await scene.runMessageIds(flowId)).length;
  const notConsumed = async (queueUrl: string, flowId: string) => {
    await sleep(QUIET_MS);
    const { visible, notVisible } = await queueDepth(scene.sqs, queueUrl);
    expect(visible + notVisible).toBe(1);
    expect(scene.platform.callsFor(flowId)).toHaveLength(0);
  };
  const activeFlow = async () => {
    const { queueUrl, flow } = await scene.connectQueue({ visibilityTimeout: VISIBILITY_TIMEOUT, announce: notify });
    await expect.poll(() => scene.flowRow(flow.id), { timeout: 5_000 }).toMatchObject({ status: 'ACTIVE' });
    return { queueUrl, flow };
  };

  it('starts consuming a new broker connection or listener within seconds', async () => {
    for (const kind of ['BROKER', 'LISTENER'] as const) {
      const { queueUrl } = await createQueueWithDlq(scene.sqs);
      await sendMessages(scene.sqs, queueUrl, ['{"waiting":"before the flow existed"}']);
      const flow = await scene.connect(queueUrl, { kind, announce: notify });
      await expect.poll(() => runCount(flow.id), { timeout: 5_000 }).toBe(1);
      await expect.poll(() => scene.flowRow(flow.id)).toMatchObject({ status: 'ACTIVE' });
    }
  });

  it('stops consuming a paused flow within seconds, and starts again when it is resumed', async () => {
    const { queueUrl, flow } = await activeFlow();

    await scene.database.db.eventFlow.update({ where: { id: flow.id }, data: { enabled: false } });
    await changed(flow.id);
    // The lease is released only once the consumer has stopped.
    await expect.poll(() => scene.flowRow(flow.id), { timeout: 5_000 }).toMatchObject({ status: 'PAUSED', leaseOwner: null });
    await sendMessages(scene.sqs, queueUrl, ['"sent while paused"']);
    await notConsumed(queueUrl, flow.id);

    await scene.database.db.eventFlow.update({ where: { id: flow.id }, data: { enabled: true } });
    await changed(flow.id);
    await expect.poll(() => runCount(flow.id), { timeout: 5_000 }).toBe(1);
    await expect.poll(() => scene.flowRow(flow.id)).toMatchObject({ status: 'ACTIVE' });
  });

  it("runs the messages received after a change of the flow's settings with them", async () => {
    const { queueUrl, flow } = await activeFlow();
    const timeoutOfRun = async (body: string) => {
      const [id] = await sendMessages(scene.sqs, queueUrl, [body]);
      await expect.poll(() => scene.runMessageIds(flow.id), { timeout: 5_000 }).toContain(id);
      return (await scene.database.db.algorithmRun.findFirst({ where: { eventFlowId: flow.id, sqsMessageId: id } }))?.timeoutSeconds;
    };
    expect(await timeoutOfRun('"before the change"')).not.toBe(77);

    await scene.database.db.eventFlow.update({ where: { id: flow.id }, data: { timeoutSeconds: 77 } });
    await changed(flow.id);
    // The worker keeps a busy flow's settings for a second at most, or until the NOTIFY.
    await expect.poll(() => timeoutOfRun('"after the change"'), { timeout: 10_000, interval: 100 }).toBe(77);
  });

  it('stops consuming a deleted flow within seconds', async () => {
    const { queueUrl, flow } = await activeFlow();
    const flowsBefore = worker.health().flows;

    await scene.database.db.eventFlow.delete({ where: { id: flow.id } });
    await changed(flow.id);
    await expect.poll(() => worker.health().flows, { timeout: 5_000 }).toBe(flowsBefore - 1);
    await sendMessages(scene.sqs, queueUrl, ['"sent after the flow was deleted"']);
    await notConsumed(queueUrl, flow.id);
  });
});
