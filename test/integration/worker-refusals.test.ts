import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteVersion } from '@/lib/algorithms/delete-version';
import { editFlow } from '@/lib/flows/edit-flow';
import { notifyAlgorithmFlows } from '@/lib/flows/notify-algorithm-flows';
import type { Worker } from '@/worker/worker';
import { notifyFlowsChanged } from '@/lib/flows/notify-flows-changed';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm } from '../support/factories';
import { createQueueWithDlq } from '../support/sqs';
import { queueDepth, sendMessages } from '../support/sqs-messages';
import { startTestWorker } from '../support/worker';
import { createWorkerScene, type WorkerScene } from '../support/worker-scene';

const NO_VERSION = /^The algorithm has no published version/;

// A connection that cannot run says so: with the real worker, real PostgreSQL and the SQS
// emulator, the flow entry's 404 reason becomes the flow's error within seconds, the worker
// stops receiving (the messages wait in the queue instead of walking to the DLQ), and the
// flow is ACTIVE again as soon as it can run.
describe('worker: a flow that cannot run', () => {
  let scene: WorkerScene;
  let worker: Worker;

  beforeAll(async () => {
    scene = await createWorkerScene();
    worker = startTestWorker(scene.database.db, scene.workerConfig());
  });
  afterAll(async () => {
    await worker?.stop();
    await scene?.close();
  });

  /** A new algorithm of the scene's owner with `versions`, and a flow of it on a new queue, announced to the worker. */
  async function connectNewAlgorithm(versions: string[], options: { version?: string; visibilityTimeout?: number } = {}) {
    const { database, sqs, owner } = scene;
    const algorithm = await createAlgorithm(database.db, owner.id, { version: versions[0] });
    for (const version of versions.slice(1)) {
      await database.db.algorithmVersion.create({ data: { algorithmId: algorithm.id, version, endpointUrl: 'http://127.0.0.1:9/never-called' } });
    }
    const queue = await createQueueWithDlq(sqs, { visibilityTimeout: options.visibilityTimeout, maxReceiveCount: 3 });
    const flow = await createEventFlow(database.db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl: queue.queueUrl, version: options.version });
    await notifyFlowsChanged(database.db, flow.id);
    await expect.poll(() => scene.flowRow(flow.id), { timeout: 10_000 }).toMatchObject({ status: 'ACTIVE' });
    return { algorithm, flow, ...queue };
  }

  it('goes to ERROR with the reason when its algorithm loses its last version, receives nothing meanwhile, and runs once a version is published', async () => {
    const { database, sqs, platform, owner } = scene;
    const db = database.db;
    const { algorithm, flow, queueUrl } = await connectNewAlgorithm(['1.0.0'], { visibilityTimeout: 1 });

    // No message needed: the NOTIFY of the deletion has the worker read the flow again.
    await deleteVersion(db, owner.id, owner.username, algorithm.name, '1.0.0');
    await expect.poll(() => scene.flowRow(flow.id), { timeout: 10_000 }).toMatchObject({ status: 'ERROR', lastError: expect.stringMatching(NO_VERSION) });

    // A message sent now waits in the queue: at most the long poll already in flight when the
    // flow stopped takes it once (and the flow entry refuses it); it is not received again
    // every visibility timeout (1 s), so it does not walk to the DLQ (3 receives).
    const [messageId] = await sendMessages(sqs, queueUrl, ['{"waits":true}']);
    // Nothing to wait for when nothing should happen: three visibility timeouts pass.
    await sleep(3_000);
    const refusedCalls = platform.callsFor(flow.id).length;
    expect(refusedCalls).toBeLessThanOrEqual(1);
    expect((await scene.flowRow(flow.id)).receivedCount).toBeLessThanOrEqual(1);

    await db.algorithmVersion.create({ data: { algorithmId: algorithm.id, version: '1.1.0', endpointUrl: 'http://127.0.0.1:9/never-called' } });
    await notifyAlgorithmFlows(db, algorithm.id);
    await expect.poll(() => scene.runMessageIds(flow.id), { timeout: 10_000 }).toEqual([messageId]);
    await expect.poll(() => scene.flowRow(flow.id)).toMatchObject({ status: 'ACTIVE', lastError: null });
    expect(platform.callsFor(flow.id)).toHaveLength(refusedCalls + 1);
    const run = await db.algorithmRun.findFirstOrThrow({ where: { eventFlowId: flow.id }, include: { version: true } });
    expect(run.version?.version).toBe('1.1.0');
  });

  it('goes to ERROR when the version it pins is deleted, and back to ACTIVE when edited to another', async () => {
    const { database, owner } = scene;
    const db = database.db;
    const { algorithm, flow } = await connectNewAlgorithm(['1.0.0', '2.0.0'], { version: '2.0.0' });

    await deleteVersion(db, owner.id, owner.username, algorithm.name, '2.0.0');
    await expect
      .poll(() => scene.flowRow(flow.id), { timeout: 10_000 })
      .toMatchObject({ status: 'ERROR', lastError: expect.stringMatching(/^Version 2\.0\.0 of the algorithm is not published/) });

    await editFlow(db, owner, flow.id, { version: '1.0.0' });
    await expect.poll(() => scene.flowRow(flow.id), { timeout: 10_000 }).toMatchObject({ status: 'ACTIVE', lastError: null });
  });

  it('follows its last dispatch: a batch the flow entry refuses (404) leaves its messages for SQS and shows the reason; the next success makes it ACTIVE', async () => {
    const { sqs, platform } = scene;
    const { queueUrl, dlqUrl, flow } = await scene.connectQueue({ visibilityTimeout: 1, maxReceiveCount: 5 });
    const reason = 'This connection is paused or was deleted.';
    let refusals = 1;
    platform.answerFor(flow.id, () => (refusals-- > 0 ? { status: 404, error: reason } : { status: 200 }));
    await expect.poll(() => scene.flowRow(flow.id), { timeout: 10_000 }).toMatchObject({ status: 'ACTIVE' });

    const [messageId] = await sendMessages(sqs, queueUrl, ['{"n":1}']);
    await expect.poll(() => scene.flowRow(flow.id), { timeout: 10_000 }).toMatchObject({ status: 'ERROR', lastError: reason });
    // Not deleted: SQS gives it back after its visibility timeout, and the flow takes it again
    // once the database says it can run (the stand-in refused for a reason the flow does not have).
    await expect.poll(() => scene.runMessageIds(flow.id), { timeout: 20_000 }).toEqual([messageId]);
    await expect.poll(() => scene.flowRow(flow.id)).toMatchObject({ status: 'ACTIVE', lastError: null, failedCount: 1, acceptedCount: 1 });
    expect((await queueDepth(sqs, dlqUrl)).total).toBe(0);
  });
});
