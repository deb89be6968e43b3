import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteMessageBatchCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@/lib/local/ports';
import { startAlgorithmEndpoint, type AlgorithmEndpoint } from '../support/algorithm-endpoint';
import { createAlgorithm } from '../support/factories';
import { createQueueWithDlq } from '../support/sqs';
import { sendMessages } from '../support/sqs-messages';
import { testWorkerEnv } from '../support/worker';
import { spawnWorkerProcess, type WorkerProcess } from '../support/worker-process';
import { createWorkerScene, type WorkerScene } from '../support/worker-scene';

const OUTPUTS = 500;

// The outbox's promise with the real worker process (its bundle, as `npm start` runs it):
// killed with SIGKILL while results are being sent, then restarted, it has sent every
// result at least once.
describe('destinations when the worker is killed', () => {
  let scene: WorkerScene;
  let endpoint: AlgorithmEndpoint;
  const running: WorkerProcess[] = [];

  beforeAll(async () => {
    scene = await createWorkerScene();
    // A little work per run, so the results come out over a few seconds and the kill lands among them.
    endpoint = await startAlgorithmEndpoint(async (call) => {
      await sleep(10);
      return { body: { out: call.body } };
    });
  });
  afterEach(async () => {
    for (const child of running) child.kill('SIGKILL');
    await Promise.all(running.splice(0).map((child) => child.exited));
  });
  afterAll(async () => {
    await endpoint?.close();
    await scene?.close();
  });

  async function startWorkerProcess() {
    const port = await findFreePort();
    const child = spawnWorkerProcess(testWorkerEnv(scene.database.url, scene.platform.url, { WORKER_METRICS_PORT: String(port) }));
    running.push(child);
    await expect.poll(() => fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status, () => 0), { timeout: 30_000, interval: 250 }).toBe(200);
    return child;
  }

  it('sends every output at least once after a SIGKILL mid-send and a restart', { timeout: 180_000 }, async () => {
    const { sqs, database } = scene;
    const source = await createQueueWithDlq(sqs);
    const destination = await createQueueWithDlq(sqs);
    const algorithm = await createAlgorithm(database.db, scene.owner.id, { endpointUrl: endpoint.url, version: '1.0.0' });
    const flow = await scene.connect(source.queueUrl, { onSuccessQueueUrl: destination.queueUrl });
    await database.db.eventFlow.update({ where: { id: flow.id }, data: { algorithmId: algorithm.id } });
    const sentCount = () => database.db.destinationMessage.count({ where: { eventFlowId: flow.id, status: 'SENT' } });

    const first = await startWorkerProcess();
    await sendMessages(sqs, source.queueUrl, Array.from({ length: OUTPUTS }, (_, n) => JSON.stringify({ n })));
    await expect.poll(sentCount, { timeout: 60_000, interval: 20 }).toBeGreaterThanOrEqual(50);
    first.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const sentBeforeKill = await sentCount();
    expect(sentBeforeKill).toBeLessThan(OUTPUTS);

    await startWorkerProcess();
    const runIds = new Set<string>();
    let received = 0;
    const deadline = Date.now() + 150_000;
    while (runIds.size < OUTPUTS && Date.now() < deadline) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: destination.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageAttributeNames: ['runId'] }),
      );
      if (Messages.length === 0) continue;
      received += Messages.length;
      for (const message of Messages) runIds.add(message.MessageAttributes!.runId!.StringValue!);
      await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: destination.queueUrl, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
    }
    console.log(`destinations after SIGKILL: ${runIds.size} distinct runs, ${received} messages, ${received - runIds.size} duplicates (${sentBeforeKill} recorded sent at the kill)`);
    expect(runIds.size).toBe(OUTPUTS);
    const runs = await database.db.algorithmRun.findMany({ where: { eventFlowId: flow.id }, select: { id: true, status: true } });
    expect(runs.filter((run) => run.status === 'SUCCEEDED')).toHaveLength(OUTPUTS);
    expect([...runIds].sort()).toEqual(runs.map((run) => run.id).sort());
    await expect.poll(sentCount, { timeout: 15_000 }).toBe(OUTPUTS);
  });
});
