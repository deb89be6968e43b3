import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '@/worker/worker';
import { sendMessages } from '../support/sqs-messages';
import { startTestWorker } from '../support/worker';
import { createWorkerScene, type WorkerScene } from '../support/worker-scene';

// Several worker processes against one database: each flow is leased by one of them,
// and they split the flows between them.
describe('workers sharing flows', () => {
  let scene: WorkerScene;
  const workers: Worker[] = [];

  beforeAll(async () => {
    scene = await createWorkerScene();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  });
  afterAll(async () => {
    await scene?.close();
  });

  const startWorker = () => {
    const worker = startTestWorker(scene.database.db, scene.workerConfig());
    workers.push(worker);
    return worker;
  };
  const leaseOwners = async () => {
    const flows = await scene.database.db.eventFlow.findMany({ select: { leaseOwner: true } });
    const counts: Record<string, number> = {};
    for (const { leaseOwner } of flows) counts[String(leaseOwner)] = (counts[String(leaseOwner)] ?? 0) + 1;
    return counts;
  };
  // Delivery is at least once: count the messages that ran, not the runs.
  const messagesRun = async () => (await scene.database.db.algorithmRun.groupBy({ by: ['sqsMessageId'] })).length;

  it('split the flows when a second worker joins, and take them all back when it stops', { timeout: 90_000 }, async () => {
    const first = startWorker();
    const flows = [];
    // A stopped worker's cancelled long polls may hold a message until the visibility timeout.
    for (let i = 0; i < 4; i++) flows.push(await scene.connectQueue({ visibilityTimeout: 2 }));
    await expect.poll(leaseOwners, { timeout: 10_000 }).toEqual({ [first.id]: 4 });

    // The first hands two flows over once their running long polls (up to 20 s) have answered.
    const second = startWorker();
    await expect.poll(leaseOwners, { timeout: 30_000 }).toEqual({ [first.id]: 2, [second.id]: 2 });
    await expect.poll(() => first.health().flows + second.health().flows).toBe(4);
    for (const { queueUrl, flow } of flows) await sendMessages(scene.sqs, queueUrl, [`"to ${flow.id}"`]);
    await expect.poll(messagesRun, { timeout: 10_000 }).toBe(4);

    await second.stop();
    await expect.poll(leaseOwners, { timeout: 10_000 }).toEqual({ [first.id]: 4 });
    for (const { queueUrl, flow } of flows) await sendMessages(scene.sqs, queueUrl, [`"again to ${flow.id}"`]);
    await expect.poll(messagesRun, { timeout: 10_000 }).toBe(8);
  });
});
