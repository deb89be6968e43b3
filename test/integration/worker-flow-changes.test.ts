import { setTimeout as sleep } from 'node:timers/promises';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Worker } from '@/worker/worker';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createEventFlow, notifyFlowChanged } from '../support/event-flows';
import { createAlgorithm, createUser } from '../support/factories';
import { startPlatformApiStandIn, type PlatformApiStandIn } from '../support/platform-api-stand-in';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';
import { queueDepth, sendMessages } from '../support/sqs-messages';
import { startTestWorker, testWorkerConfig } from '../support/worker';

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
  let database: TestDatabase;
  let platform: PlatformApiStandIn;
  let worker: Worker;
  let sqs: SQSClient;
  let owner: Awaited<ReturnType<typeof createUser>>;
  let algorithm: Awaited<ReturnType<typeof createAlgorithm>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    platform = await startPlatformApiStandIn(database.db);
    sqs = testSqsClient();
    owner = await createUser(database.db);
    algorithm = await createAlgorithm(database.db, owner.id);
    worker = startTestWorker(database.db, testWorkerConfig(database.url, platform.url, env));
    await vi.waitFor(() => expect(worker.health().healthy).toBe(true));
  });
  afterAll(async () => {
    await worker?.stop();
    await platform?.close();
    sqs?.destroy();
    await database?.drop();
  });

  const changed = async (flowId: string) => {
    if (notify) await notifyFlowChanged(database.db, flowId);
  };
  const runsOf = (flowId: string) => database.db.algorithmRun.count({ where: { eventFlowId: flowId } });
  const flowRow = (id: string) => database.db.eventFlow.findUniqueOrThrow({ where: { id } });

  it('starts consuming a new broker connection or listener within seconds', async () => {
    for (const kind of ['BROKER', 'LISTENER'] as const) {
      const { queueUrl } = await createQueueWithDlq(sqs);
      await sendMessages(sqs, queueUrl, ['{"waiting":"before the flow existed"}']);
      const flow = await createEventFlow(database.db, { kind, algorithmId: algorithm.id, creatorId: owner.id, queueUrl });
      await changed(flow.id);
      await expect.poll(() => runsOf(flow.id), { timeout: 5_000 }).toBe(1);
      await expect.poll(() => flowRow(flow.id)).toMatchObject({ status: 'ACTIVE' });
    }
  });

  const notConsumed = async (queueUrl: string, flowId: string) => {
    await sleep(QUIET_MS);
    const { visible, notVisible } = await queueDepth(sqs, queueUrl);
    expect(visible + notVisible).toBe(1);
    expect(platform.callsFor(flowId)).toHaveLength(0);
  };

  it('stops consuming a paused flow within seconds, and starts again when it is resumed', async () => {
    const { queueUrl } = await createQueueWithDlq(sqs, { visibilityTimeout: VISIBILITY_TIMEOUT });
    const flow = await createEventFlow(database.db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl });
    await changed(flow.id);
    await expect.poll(() => flowRow(flow.id), { timeout: 5_000 }).toMatchObject({ status: 'ACTIVE' });

    await database.db.eventFlow.update({ where: { id: flow.id }, data: { enabled: false } });
    await changed(flow.id);
    // The lease is released only once the consumer has stopped.
    await expect.poll(() => flowRow(flow.id), { timeout: 5_000 }).toMatchObject({ status: 'PAUSED', leaseOwner: null });
    await sendMessages(sqs, queueUrl, ['"sent while paused"']);
    await notConsumed(queueUrl, flow.id);

    await database.db.eventFlow.update({ where: { id: flow.id }, data: { enabled: true } });
    await changed(flow.id);
    await expect.poll(() => runsOf(flow.id), { timeout: 5_000 }).toBe(1);
    await expect.poll(() => flowRow(flow.id)).toMatchObject({ status: 'ACTIVE' });
  });

  it('stops consuming a deleted flow within seconds', async () => {
    const { queueUrl } = await createQueueWithDlq(sqs);
    const flow = await createEventFlow(database.db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl });
    await changed(flow.id);
    await expect.poll(() => flowRow(flow.id), { timeout: 5_000 }).toMatchObject({ status: 'ACTIVE' });
    const flowsBefore = worker.health().flows;

    await database.db.eventFlow.delete({ where: { id: flow.id } });
    await changed(flow.id);
    await expect.poll(() => worker.health().flows, { timeout: 5_000 }).toBe(flowsBefore - 1);
    await sendMessages(sqs, queueUrl, ['"sent after the flow was deleted"']);
    await notConsumed(queueUrl, flow.id);
  });
});
