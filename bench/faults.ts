// Faults under load: the worker SIGKILLed every few seconds, the database restarted, the
// algorithm answering 500 to half of the first attempts (retries succeed). Counts sent,
// runs by status, still running, lost and endpoint calls per message; every message must
// end SUCCEEDED and none be lost. `npx tsx bench/faults.ts`
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EndpointOptions } from './support/algorithm-endpoint';
import { startPlatform, type BenchPlatform } from './support/platform';
import { createQueue, depth } from './support/queues';
import { heading, target } from './support/report';

const RATE = 30; // msg/s, under what one flow sustains, so the backlog drains in the run
const SECONDS = 30;
// Short visibility timeout: messages a killed worker had in flight come back within seconds.
const QUEUE_ATTRIBUTES = { VisibilityTimeout: '5' };

export async function benchFaults(): Promise<boolean> {
  heading(`Faults: ${RATE} msg/s for ${SECONDS} s per scenario`);
  const calls = new Map<string, number>();
  const endpoint: EndpointOptions = { onCall: (input) => countCall(calls, input) };
  // Short leases, so a restarted worker takes over the killed one's flows in seconds.
  const platform = await startPlatform({ endpoint, workerEnv: { WORKER_LEASE_MS: '3000', WORKER_RECONCILE_INTERVAL_MS: '1000' } });
  try {
    const results = [
      await scenario(platform, calls, 'worker SIGKILLed every 5 s', async (stop) => {
        while (!stop.aborted) {
          await sleep(5_000);
          if (!stop.aborted) await platform.worker.restart('SIGKILL');
        }
      }),
      await scenario(platform, calls, 'database restarted (3 s down)', async () => {
        await sleep(10_000);
        await platform.database.restart(3_000);
      }),
      await scenario(platform, calls, 'algorithm failing half its first attempts', async (stop) => {
        endpoint.firstAttemptFailureRate = 0.5;
        await new Promise((resolve) => stop.addEventListener('abort', resolve));
      }),
    ];
    return results.every(Boolean);
  } finally {
    await platform.stop();
  }
}

/** Sends at RATE on a new flow while `fault` runs, waits for the queue to drain, then counts. */
async function scenario(platform: BenchPlatform, calls: Map<string, number>, name: string, fault: (stop: AbortSignal) => Promise<void>) {
  const queueUrl = await createQueue(platform.sqs, 'faults', QUEUE_ATTRIBUTES);
  const [flowId] = await platform.connect([queueUrl]);
  const stop = new AbortController();
  const faulting = fault(stop.signal);
  const sent: string[] = [];
  const start = performance.now();
  for (let i = 0; i < RATE * SECONDS; i++) {
    const due = start + (i * 1000) / RATE;
    if (due > performance.now()) await sleep(due - performance.now());
    const id = `${name}-${i}`;
    // A send that fails was never sent: it is not counted (the emulator does not restart).
    await platform.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify({ id }) }));
    sent.push(id);
  }
  stop.abort();
  await faulting;
  const drainedBy = performance.now() + 120_000;
  let left = await depth(platform.sqs, queueUrl);
  while (left > 0 && performance.now() < drainedBy) {
    await sleep(500);
    left = await depth(platform.sqs, queueUrl);
  }
  // Runs admitted last, and retries after their backoff (1 s, then 2 s), are executed.
  const settledBy = performance.now() + 60_000;
  while ((await platform.db.algorithmRun.count({ where: { eventFlowId: flowId, status: { in: ['QUEUED', 'RUNNING'] } } })) > 0 && performance.now() < settledBy) {
    await sleep(500);
  }
  const runs = await platform.db.algorithmRun.findMany({ where: { eventFlowId: flowId }, select: { input: true, status: true, error: true } });
  const accepted = new Set(runs.map((run) => (run.input as { id?: string }).id));
  const ran = sent.filter((id) => calls.has(id)).length;
  const callsPerMessage = sent.reduce((sum, id) => sum + (calls.get(id) ?? 0), 0) / sent.length;
  const lost = sent.filter((id) => !accepted.has(id)).length - left;
  const statuses = new Map<string, number>();
  for (const run of runs) statuses.set(run.status, (statuses.get(run.status) ?? 0) + 1);
  const count = (status: string) => statuses.get(status) ?? 0;
  const succeededMessages = new Set(runs.filter((run) => run.status === 'SUCCEEDED').map((run) => (run.input as { id?: string }).id)).size;
  console.log(
    `${name}: sent ${sent.length}, accepted ${accepted.size}, left in SQS ${left}, SUCCEEDED ${count('SUCCEEDED')}, DEAD ${count('DEAD')}, FAILED ${count('FAILED')}, ` +
      `still running ${count('QUEUED') + count('RUNNING')}, run at least once ${ran}, endpoint calls per message ${callsPerMessage.toFixed(2)}, lost ${lost}`,
  );
  const met = target(`${name}: 0 lost`, lost === 0, `${lost} lost`);
  return target(`${name}: every message SUCCEEDED`, succeededMessages === sent.length, `${succeededMessages}/${sent.length}`) && met;
}

function countCall(calls: Map<string, number>, input: unknown): void {
  const id = (input as { id?: string }).id;
  if (id) calls.set(id, (calls.get(id) ?? 0) + 1);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFaults();
