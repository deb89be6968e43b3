// Scale: 1,000 enabled connections on idle queues in one worker process — resident
// memory, CPU while idle, and how soon a new connection consumes. `npx tsx bench/scale.ts`
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPlatform } from './support/platform';
import { cpuPercent, residentMb } from './support/process-usage';
import { createQueue } from './support/queues';
import { heading, target } from './support/report';

const CONNECTIONS = 1_000;
// Three 20 s long-poll cycles and one of the worker's queue-sampling passes (one a
// minute): a 20 s window held one poll cycle and, by its timing, never a sampling pass.
const IDLE_SAMPLE_MS = 60_000;

export async function benchScale(): Promise<boolean> {
  heading(`Scale: ${CONNECTIONS} idle connections in one worker process`);
  let firstMessageAt: number | undefined;
  const platform = await startPlatform({ endpoint: { onCall: () => (firstMessageAt ??= performance.now()) } });
  try {
    const queueUrls: string[] = [];
    for (let i = 0; i < CONNECTIONS; i += 50) queueUrls.push(...(await Promise.all(Array.from({ length: 50 }, () => createQueue(platform.sqs)))));
    const connectedAt = performance.now();
    await platform.connect(queueUrls);
    while ((await platform.worker.flows()) < CONNECTIONS) await sleep(200);
    console.log(`all ${CONNECTIONS} consumers running after ${((performance.now() - connectedAt) / 1000).toFixed(1)} s`);
    // Idle once start-up is over: every first (short) poll answered and its ACTIVE written
    // (2,000 status writes, which a fixed wait left partly inside the window).
    while ((await platform.db.eventFlow.count({ where: { status: 'ACTIVE' } })) < CONNECTIONS) await sleep(200);
    await sleep(5_000); // every consumer is in its 20 s long poll
    const pid = platform.worker.pid();
    // The highest RSS of the window: garbage builds up between the worker's full collections.
    let rss = 0;
    let sampling = true;
    const rssSamples = (async () => {
      while (sampling) {
        rss = Math.max(rss, await residentMb(pid));
        await sleep(1_000);
      }
    })();
    const cpu = await cpuPercent(pid, IDLE_SAMPLE_MS).finally(() => (sampling = false));
    await rssSamples;
    console.log(`worker while idle: RSS up to ${rss.toFixed(0)} MB, CPU ${cpu.toFixed(1)}% of a core (sampled over ${IDLE_SAMPLE_MS / 1000} s)`);

    const queueUrl = await createQueue(platform.sqs);
    await platform.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify({ first: true }) }));
    const createdAt = performance.now();
    await platform.connect([queueUrl]);
    while (firstMessageAt === undefined && performance.now() - createdAt < 60_000) await sleep(20);
    const seconds = firstMessageAt === undefined ? Infinity : (firstMessageAt - createdAt) / 1000;
    console.log(`connection ${CONNECTIONS + 1} created → its first message at the algorithm: ${seconds.toFixed(2)} s`);

    const met = [
      target('< 300 MB resident', rss < 300, `${rss.toFixed(0)} MB`),
      target('< 5% of a core while idle', cpu < 5, `${cpu.toFixed(1)}%`),
      target('a new connection consuming within 5 s', seconds < 5, `${seconds.toFixed(2)} s`),
    ];
    return met.every(Boolean);
  } finally {
    await platform.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchScale();
