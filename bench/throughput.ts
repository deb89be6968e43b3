// Throughput: messages per second from SQS to accepted runs, ours against the raw limit
// and the peer (sqs-consumer), for 1 and 10 connections. `npx tsx bench/throughput.ts`
import { formatRate, measureThroughput, type ThroughputResult } from './support/measure';
import { startOurConsumer } from './support/our-consumer';
import { startPlatform } from './support/platform';
import { startRawLoop, startSqsConsumerDefault, startSqsConsumerTuned, type RunningConsumer } from './support/reference-consumers';
import { heading, median, target } from './support/report';

// The worker's default WORKER_MAX_POLLERS_PER_FLOW: the references poll with as many loops.
const POLLERS_PER_FLOW = 4;
const REPEATS = 3;
const MESSAGES = { 1: 1_000, 10: 200 } as const;

export async function benchThroughput(): Promise<boolean> {
  heading('Throughput: SQS → accepted runs, no-op algorithm');
  const platform = await startPlatform();
  let allMet = true;
  try {
    for (const connections of [1, 10] as const) {
      const contenders: Array<[string, (urls: string[]) => Promise<RunningConsumer> | RunningConsumer]> = [
        ['ours (worker + algorithm API)', (urls) => startOurConsumer(platform, urls)],
        [`raw loop (${POLLERS_PER_FLOW} loops/queue)`, (urls) => startRawLoop(platform.sqs, urls, POLLERS_PER_FLOW)],
        ['sqs-consumer default', (urls) => startSqsConsumerDefault(platform.sqs, urls, platform.submitRun)],
        [`sqs-consumer tuned (${POLLERS_PER_FLOW}×10/queue)`, (urls) => startSqsConsumerTuned(platform.sqs, urls, POLLERS_PER_FLOW, platform.submitRun)],
      ];
      const rates = new Map<string, number>();
      for (const [name, start] of contenders) {
        // A warm-up round (JIT, connection pools), then the median of REPEATS rounds.
        await measureThroughput(platform.sqs, name, connections, Math.ceil(MESSAGES[connections] / 4), start);
        const rounds: ThroughputResult[] = [];
        for (let i = 0; i < REPEATS; i++) rounds.push(await measureThroughput(platform.sqs, name, connections, MESSAGES[connections], start));
        const rate = median(rounds.map((round) => round.perSecond));
        rates.set(name, rate);
        const best = rounds.find((round) => round.perSecond === rate) ?? rounds[0]!;
        console.log(`${formatRate(best)}   (rounds: ${rounds.map((round) => Math.round(round.perSecond)).join(', ')} msg/s)`);
      }
      const [ours, raw, peer, tuned] = contenders.map(([name]) => rates.get(name)!) as [number, number, number, number];
      console.log(`  ${connections} conn: ours/raw ${(ours / raw).toFixed(2)}  ours/peer-default ${(ours / peer).toFixed(2)}  ours/peer-tuned ${(ours / tuned).toFixed(2)}`);
      allMet = target(`${connections} conn: ≥ 3× sqs-consumer default`, ours >= 3 * peer, `${(ours / peer).toFixed(2)}×`) && allMet;
      allMet = target(`${connections} conn: ≥ 70% of the raw loop`, ours >= 0.7 * raw, `${Math.round((100 * ours) / raw)}%`) && allMet;
    }
  } finally {
    await platform.stop();
  }
  return allMet;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchThroughput();
