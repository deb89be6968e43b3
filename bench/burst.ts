// Burst (issue 12): a burst of messages on one connection at the platform's default
// settings, as a new user of `npm start` would send it. Prints the time to run them all
// against the concurrency bound (messages × run time ÷ runs at once), receives per
// message, 429s and the DLQ's depth. Figures only: nothing here asserts a timing.
// `npm run bench:burst`
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EndpointOptions } from './support/algorithm-endpoint';
import { startPlatform, type BenchPlatform } from './support/platform';
import { createQueue, depth, preload } from './support/queues';
import { heading } from './support/report';

// The environment's defaults (lib/env.ts): USER_SESSION_LIMIT 4 runs executing per user
// (under MAX_WORKERS 8), REQUEUE_DELAY_SECONDS 300, and the guide's Maximum Receives 10.
const DEFAULT_USER_SESSION_LIMIT = 4;
const MAX_RECEIVES = 10;
const SCENARIOS = [
  { messages: 200, runMs: 150, note: 'demo/store-file-like' },
  { messages: 1_000, runMs: 20, note: "issue 12's acceptance run" },
] as const;
// The executor reads the platform settings at each maintenance pass (at most every 5 s).
const SETTINGS_PICKUP_MS = 6_000;
// The worker flushes its message counters every WORKER_COUNTER_FLUSH_MS (2 s).
const COUNTER_FLUSH_MS = 2_500;

export async function benchBurst(): Promise<boolean> {
  heading('Burst: one connection, default settings');
  const endpoint: EndpointOptions = {};
  const platform = await startPlatform({ endpoint, workerEnv: { REQUEUE_DELAY_SECONDS: '300' } });
  try {
    // No settings row: the environment's defaults apply, as on a fresh `npm start`.
    await platform.db.platformSettings.deleteMany();
    await sleep(SETTINGS_PICKUP_MS);
    for (const scenario of SCENARIOS) {
      endpoint.delayMs = scenario.runMs;
      await burst(platform, scenario);
    }
  } finally {
    await platform.stop();
  }
  return true;
}

async function burst(platform: BenchPlatform, { messages, runMs, note }: (typeof SCENARIOS)[number]): Promise<void> {
  const dlqUrl = await createQueue(platform.sqs, 'burst-dlq');
  const { Attributes } = await platform.sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }));
  const queueUrl = await createQueue(platform.sqs, 'burst', {
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: Attributes!.QueueArn, maxReceiveCount: String(MAX_RECEIVES) }),
  });
  const [flowId] = await platform.connect([queueUrl]);
  const startedAt = performance.now();
  await preload(platform.sqs, queueUrl, messages);
  const sentMs = performance.now() - startedAt;
  const finishedMs = await allRunsEnded(platform, flowId!, messages, startedAt);
  await sleep(COUNTER_FLUSH_MS);
  const flow = await platform.db.eventFlow.findUniqueOrThrow({ where: { id: flowId }, select: { receivedCount: true, requeuedCount: true } });
  const succeeded = await platform.db.algorithmRun.count({ where: { eventFlowId: flowId, status: 'SUCCEEDED' } });
  const boundMs = (messages * runMs) / DEFAULT_USER_SESSION_LIMIT;
  const finished = finishedMs === null ? 'did not finish within 5 min' : `${(finishedMs / 1000).toFixed(1)} s = ${(finishedMs / boundMs).toFixed(2)}× the bound`;
  console.log(
    [
      `${messages} messages × ${runMs} ms (${note}), ${DEFAULT_USER_SESSION_LIMIT} runs at once: bound ${(boundMs / 1000).toFixed(1)} s`,
      `  sent in ${(sentMs / 1000).toFixed(1)} s; all run in ${finished}; SUCCEEDED ${succeeded}/${messages}`,
      `  receives per message ${(flow.receivedCount / messages).toFixed(3)}; 429s ${flow.requeuedCount}; DLQ depth ${await depth(platform.sqs, dlqUrl)}; left in the queue ${await depth(platform.sqs, queueUrl)}`,
    ].join('\n'),
  );
}

/** Milliseconds from `startedAt` until every message's run has ended, or null after 5 minutes. */
async function allRunsEnded(platform: BenchPlatform, flowId: string, messages: number, startedAt: number): Promise<number | null> {
  while (performance.now() - startedAt < 300_000) {
    const ended = await platform.db.algorithmRun.count({ where: { eventFlowId: flowId, status: { notIn: ['QUEUED', 'RUNNING'] } } });
    if (ended >= messages) return performance.now() - startedAt;
    await sleep(50);
  }
  return null;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBurst();
