import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '@/worker/worker';
import { queueDepth, sendMessages } from '../support/sqs-messages';
import { startTestWorker } from '../support/worker';
import { createWorkerScene, type WorkerScene } from '../support/worker-scene';

// Per flow: one long poll while the queue is idle, more while polls come back full (up
// to the configured number), and never more messages in flight than the cap.
describe('worker scaling', () => {
  const MAX_POLLERS = 3;
  const MAX_IN_FLIGHT = 25;
  let scene: WorkerScene;
  let worker: Worker;
  const registry = new Registry();

  beforeAll(async () => {
    scene = await createWorkerScene();
    const env = { WORKER_MAX_POLLERS_PER_FLOW: String(MAX_POLLERS), WORKER_MAX_IN_FLIGHT_PER_FLOW: String(MAX_IN_FLIGHT) };
    worker = startTestWorker(scene.database.db, scene.workerConfig(env), undefined, registry);
  });
  afterAll(async () => {
    await worker?.stop();
    await scene?.close();
  });

  const pollers = async (flowId: string) => {
    const { values } = await registry.getSingleMetric('event_flows_pollers')!.get();
    return values.find((value) => value.labels.flow === flowId)?.value ?? 0;
  };

  it('adds long polls while the queue has a backlog, within the caps, and goes back to one when idle', { timeout: 60_000 }, async () => {
    const { queueUrl, flow } = await scene.connectQueue();
    await expect.poll(() => scene.flowRow(flow.id)).toMatchObject({ status: 'ACTIVE' });
    expect(await pollers(flow.id)).toBe(1);

    scene.platform.answerFor(flow.id, () => ({ status: 200, delayMs: 50 }));
    const sent = await sendMessages(scene.sqs, queueUrl, Array.from({ length: 200 }, (_, i) => String(i)));
    let mostPollers = 0;
    await expect
      .poll(
        async () => {
          mostPollers = Math.max(mostPollers, await pollers(flow.id));
          return (await scene.runMessageIds(flow.id)).length;
        },
        { timeout: 30_000, interval: 20 },
      )
      .toBe(sent.length);
    expect(mostPollers).toBeGreaterThan(1);
    expect(mostPollers).toBeLessThanOrEqual(MAX_POLLERS);
    expect(scene.platform.mostPendingAtOnce()).toBeGreaterThan(10);
    expect(scene.platform.mostPendingAtOnce()).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    await expect.poll(() => queueDepth(scene.sqs, queueUrl), { timeout: 15_000 }).toMatchObject({ visible: 0, notVisible: 0 });
    // Extra polls end when they come back empty (after the 20-second long poll).
    await expect.poll(() => pollers(flow.id), { timeout: 30_000 }).toBe(1);
  });
});
