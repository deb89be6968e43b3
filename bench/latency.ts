// Latency: SendMessage → the algorithm endpoint called, at a steady low rate and under
// load. `npx tsx bench/latency.ts`
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPlatform } from './support/platform';
import { createQueue } from './support/queues';
import { heading, percentile, target } from './support/report';

const PHASES = [
  { name: 'low rate', perSecond: 10, seconds: 20 },
  { name: 'under load', perSecond: 50, seconds: 20 },
];

export async function benchLatency(): Promise<boolean> {
  heading('Latency: SendMessage → algorithm endpoint called');
  const arrivals = new Map<string, number>();
  const platform = await startPlatform({
    endpoint: { onCall: (input) => arrivals.set((input as { id?: string }).id ?? '', Date.now()) },
  });
  let met = true;
  try {
    const queueUrl = await createQueue(platform.sqs);
    const [flowId] = await platform.connect([queueUrl]);
    await sendAtRate(platform, queueUrl, 'warmup', 10, 3); // consumers started, connections warm
    await sleep(2_000);
    for (const phase of PHASES) {
      const sentAt = await sendAtRate(platform, queueUrl, phase.name, phase.perSecond, phase.seconds);
      await waitForArrivals(arrivals, [...sentAt.keys()], 60_000);
      const latencies = [...sentAt].map(([id, sent]) => (arrivals.get(id) ?? NaN) - sent).filter(Number.isFinite);
      const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(latencies, p)) as [number, number, number];
      console.log(
        `${phase.name.padEnd(11)} ${String(phase.perSecond).padStart(4)} msg/s × ${phase.seconds} s: p50 ${p50} ms  p95 ${p95} ms  p99 ${p99} ms  (${latencies.length}/${sentAt.size} arrived)`,
      );
      const admitted = await admissionTimes(platform, flowId!);
      const toAdmission = [...sentAt].map(([id, sent]) => (admitted.get(id) ?? NaN) - sent).filter(Number.isFinite);
      const toCall = [...sentAt].map(([id]) => (arrivals.get(id) ?? NaN) - (admitted.get(id) ?? NaN)).filter(Number.isFinite);
      console.log(`            of which SendMessage → run admitted p50 ${percentile(toAdmission, 50)} ms; admitted → endpoint called p50 ${percentile(toCall, 50)} ms`);
      if (phase === PHASES[0]) met = target('p50 < 50 ms at low rate', p50 < 50, `${p50} ms`);
    }
  } finally {
    await platform.stop();
  }
  return met;
}

/** Sends one message every 1/perSecond s (each SendMessage timed on its own); returns id → sent time. */
async function sendAtRate(platform: Awaited<ReturnType<typeof startPlatform>>, queueUrl: string, label: string, perSecond: number, seconds: number) {
  const sentAt = new Map<string, number>();
  const sends: Array<Promise<unknown>> = [];
  const start = performance.now();
  for (let i = 0; i < perSecond * seconds; i++) {
    const due = start + (i * 1000) / perSecond;
    if (due > performance.now()) await sleep(due - performance.now());
    const id = `${label}-${i}`;
    sentAt.set(id, Date.now());
    sends.push(platform.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify({ id }) })));
  }
  await Promise.all(sends);
  return sentAt;
}

/** When each message's run was admitted (its row's createdAt), by message id. */
async function admissionTimes(platform: Awaited<ReturnType<typeof startPlatform>>, flowId: string): Promise<Map<string, number>> {
  const runs = await platform.db.algorithmRun.findMany({ where: { eventFlowId: flowId }, select: { input: true, createdAt: true } });
  return new Map(runs.map((run) => [(run.input as { id: string }).id, run.createdAt.getTime()]));
}

async function waitForArrivals(arrivals: Map<string, number>, ids: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (ids.some((id) => !arrivals.has(id)) && Date.now() < deadline) await sleep(100);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLatency();
