import { randomBytes } from 'node:crypto';
import { CreateQueueCommand } from '@aws-sdk/client-sqs';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '@/lib/logger';
import { createSharedSqsClients, type SharedSqsClients } from '@/lib/sqs/shared-sqs-clients';
import { startBacklogMetrics } from '@/worker/backlog-metrics';
import { sendMessages } from '../support/sqs-messages';
import { localSqsAccess } from '../support/worker';
import { createWorkerScene, type WorkerScene } from '../support/worker-scene';

// The worker's periodic pass over the queues of the flows it leases: the gauges operators
// alert on, and each flow's sample of the minute for the backlog and DLQ charts.
describe('backlog metrics', () => {
  const WORKER_ID = 'backlog-metrics-worker';
  let scene: WorkerScene;
  let sqsClients: SharedSqsClients;

  beforeAll(async () => {
    scene = await createWorkerScene();
    sqsClients = createSharedSqsClients(localSqsAccess());
  });
  afterAll(async () => {
    sqsClients?.destroyAll();
    await scene?.close();
  });

  it("reads every leased flow's queue and DLQ; a queue that cannot be read, or has no DLQ, does not fail the others", { timeout: 60_000 }, async () => {
    const busy = await scene.connectQueue({ announce: false });
    const deadLettered = await scene.connectQueue({ announce: false });
    const missing = await scene.connect(`${busy.queueUrl}-gone`, { announce: false });
    const { QueueUrl: noDlqUrl } = await scene.sqs.send(new CreateQueueCommand({ QueueName: `no-dlq-${randomBytes(4).toString('hex')}` }));
    const noDlq = await scene.connect(noDlqUrl!, { announce: false });
    const elsewhere = await scene.connectQueue({ announce: false });
    await sendMessages(scene.sqs, busy.queueUrl, ['1', '2', '3']);
    await sendMessages(scene.sqs, deadLettered.dlqUrl, ['a', 'b']);
    const db = scene.database.db;
    await db.eventFlow.updateMany({ where: { id: { in: [busy.flow.id, deadLettered.flow.id, missing.id, noDlq.id] } }, data: { leaseOwner: WORKER_ID } });
    await db.eventFlow.update({ where: { id: elsewhere.flow.id }, data: { leaseOwner: 'another-worker' } });

    const registry = new Registry();
    const metrics = startBacklogMetrics({ db, workerId: WORKER_ID, registry, sqsClients, intervalMs: 60_000, logger });
    try {
      const gauge = async (name: string) => {
        const { values } = await registry.getSingleMetric(name)!.get();
        return Object.fromEntries(values.map((value) => [value.labels.flow, value.value]));
      };
      await expect.poll(() => gauge('event_flows_flow_status'), { timeout: 30_000 }).toEqual({ [busy.flow.id]: 1, [deadLettered.flow.id]: 1, [missing.id]: 1, [noDlq.id]: 1 });
      expect(await gauge('event_flows_queue_messages')).toEqual({ [busy.flow.id]: 3, [deadLettered.flow.id]: 0, [noDlq.id]: 0 });
      expect(await gauge('event_flows_dlq_messages')).toEqual({ [busy.flow.id]: 0, [deadLettered.flow.id]: 2 });

      const samples = await db.flowMetricMinute.findMany({ select: { eventFlowId: true, queueBacklog: true, dlqDepth: true } });
      expect(samples).toHaveLength(3);
      expect(samples).toEqual(
        expect.arrayContaining([
          { eventFlowId: busy.flow.id, queueBacklog: 3, dlqDepth: 0 },
          { eventFlowId: deadLettered.flow.id, queueBacklog: 0, dlqDepth: 2 },
          { eventFlowId: noDlq.id, queueBacklog: 0, dlqDepth: null },
        ]),
      );
      // The pass holds no client once it is done (the consumers' clients are shared).
      expect(sqsClients.size()).toBe(0);
    } finally {
      await metrics.stop();
    }
  });
});
