import type { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '@/worker/worker';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createEventFlow, notifyFlowChanged } from '../support/event-flows';
import { createAlgorithm, createUser } from '../support/factories';
import { startPlatformApiStandIn, type PlatformApiStandIn } from '../support/platform-api-stand-in';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';
import { sendMessages } from '../support/sqs-messages';
import { startTestWorker, testWorkerConfig } from '../support/worker';

// Several worker processes against one database: each flow is leased by one of them,
// and they split the flows between them.
describe('workers sharing flows', () => {
  let database: TestDatabase;
  let platform: PlatformApiStandIn;
  let sqs: SQSClient;
  const workers: Worker[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    platform = await startPlatformApiStandIn(database.db);
    sqs = testSqsClient();
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await platform?.close();
    sqs?.destroy();
    await database?.drop();
  });

  const startWorker = () => {
    const worker = startTestWorker(database.db, testWorkerConfig(database.url, platform.url));
    workers.push(worker);
    return worker;
  };
  const leaseOwners = async () => {
    const flows = await database.db.eventFlow.findMany({ select: { leaseOwner: true } });
    const counts: Record<string, number> = {};
    for (const { leaseOwner } of flows) counts[String(leaseOwner)] = (counts[String(leaseOwner)] ?? 0) + 1;
    return counts;
  };

  it('split the flows when a second worker joins, and take them all back when it stops', { timeout: 90_000 }, async () => {
    const owner = await createUser(database.db);
    const algorithm = await createAlgorithm(database.db, owner.id);
    const first = startWorker();
    const flows = [];
    for (let i = 0; i < 4; i++) {
      // A stopped worker's cancelled long polls may hold a message until the visibility timeout.
      const { queueUrl } = await createQueueWithDlq(sqs, { visibilityTimeout: 2 });
      const flow = await createEventFlow(database.db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl });
      await notifyFlowChanged(database.db, flow.id);
      flows.push(flow);
    }
    await expect.poll(leaseOwners, { timeout: 10_000 }).toEqual({ [first.id]: 4 });

    // The first hands two flows over once their running long polls (up to 20 s) have answered.
    const second = startWorker();
    await expect.poll(leaseOwners, { timeout: 30_000 }).toEqual({ [first.id]: 2, [second.id]: 2 });
    await expect.poll(() => first.health().flows + second.health().flows).toBe(4);
    for (const flow of flows) await sendMessages(sqs, flow.queueUrl, [`"to ${flow.id}"`]);
    await expect.poll(() => database.db.algorithmRun.count(), { timeout: 10_000 }).toBe(4);

    await second.stop();
    await expect.poll(leaseOwners, { timeout: 10_000 }).toEqual({ [first.id]: 4 });
    for (const flow of flows) await sendMessages(sqs, flow.queueUrl, [`"again to ${flow.id}"`]);
    await expect.poll(() => database.db.algorithmRun.count(), { timeout: 10_000 }).toBe(8);
    expect(platform.calls.every((call) => call.authorized)).toBe(true);
  });
});
