// Throughput: messages per second from SQS to runs SUCCEEDED at a no-op algorithm (end to
// end) and to admitted runs, against the raw limit, the durable peer (sqs-consumer →
// graphile-worker → the endpoint) and sqs-consumer alone, for 1 and 10 connections, with
// the CPU each process spends per message. `npm run bench:throughput`
import { startDurablePeer } from './support/durable-peer';
import { measureRounds, type ThroughputResult } from './support/measure';
import { startOurConsumer } from './support/our-consumer';
import { startPlatform } from './support/platform';
import { startRawLoop, startSqsConsumerDefault, startSqsConsumerTuned, type RunningConsumer } from './support/reference-consumers';
import { heading, target } from './support/report';

// The worker's default WORKER_MAX_POLLERS_PER_FLOW: the references poll with as many loops.
const POLLERS_PER_FLOW = 4;
const REPEATS = 3;
// Counted at the endpoint's calls (ours: at runs SUCCEEDED, after the outcome is written).
const DURABLE_PEER = 'durable peer (sqs-consumer → graphile-worker)';
const OURS = 'ours (worker: admission + executor)';
// Issue 28: timed until every result is sent to its destination queue (the outbox written
// with each outcome, then the worker's sender).
const OURS_WITH_DESTINATION = 'ours, end to end with an on-success destination';
const MESSAGES = { 1: 1_000, 10: 200 } as const;
// Admission-only figures before the throughput issue (2026-11-26), which its target doubles.
const ADMISSION_BEFORE = { 1: 449, 10: 562 } as const;

// Processes whose CPU a contender's messages cost (with all their children: PostgreSQL's
// backends); the bench process itself (the endpoint, the counting, the references' loops) is added to each.
type MeasuredProcess = 'worker' | 'web app' | 'PostgreSQL' | 'SQS emulator' | 'durable peer';

interface Contender {
  name: string;
  start(urls: string[]): Promise<RunningConsumer> | RunningConsumer;
  processes: MeasuredProcess[];
}

export async function benchThroughput(): Promise<boolean> {
  heading('Throughput: SQS → run SUCCEEDED (and → admitted), no-op algorithm');
  const platform = await startPlatform();
  const peer = await startDurablePeer({ databaseUrl: platform.database.url, sqsEndpoint: platform.emulator.endpoint, endpoint: platform.endpoint });
  const pids: Record<MeasuredProcess, () => Promise<number> | number> = {
    worker: () => platform.worker.pid(),
    'web app': () => platform.app.pid,
    PostgreSQL: () => platform.database.pid(),
    'SQS emulator': () => platform.emulator.pid,
    'durable peer': () => peer.pid,
  };
  let allMet = true;
  try {
    for (const connections of [1, 10] as const) {
      const contenders: Contender[] = [
        { name: OURS, start: (urls) => startOurConsumer(platform, urls), processes: ['worker', 'web app', 'PostgreSQL', 'SQS emulator'] },
        { name: OURS_WITH_DESTINATION, start: (urls) => startOurConsumer(platform, urls, { destination: true }), processes: ['worker', 'web app', 'PostgreSQL', 'SQS emulator'] },
        { name: DURABLE_PEER, start: (urls) => peer.consume(urls), processes: ['durable peer', 'PostgreSQL', 'SQS emulator'] },
        { name: `raw loop (${POLLERS_PER_FLOW} loops/queue)`, start: (urls) => startRawLoop(platform.sqs, urls, POLLERS_PER_FLOW), processes: ['SQS emulator'] },
        ...(['default', 'tuned'] as const).map((kind): Contender => ({
          name: kind === 'default' ? 'sqs-consumer default' : `sqs-consumer tuned (${POLLERS_PER_FLOW}×10/queue)`,
          start: (urls) => (kind === 'default' ? startSqsConsumerDefault(platform.sqs, urls, platform.submitRun) : startSqsConsumerTuned(platform.sqs, urls, POLLERS_PER_FLOW, platform.submitRun)),
          // Its runs go through our web app and are executed by our worker.
          processes: ['worker', 'web app', 'PostgreSQL', 'SQS emulator'],
        })),
      ];
      const rates = new Map<string, ThroughputResult>();
      for (const { name, start, processes: measured } of contenders) {
        const processes = Object.fromEntries(measured.map((process) => [process, pids[process]]));
        rates.set(name, await measureRounds(platform.sqs, name, connections, MESSAGES[connections], start, REPEATS, processes));
      }
      const [ours, withDestination, durable, raw, consumerDefault] = contenders.map(({ name }) => rates.get(name)!) as [ThroughputResult, ThroughputResult, ThroughputResult, ThroughputResult, ThroughputResult];
      const admission = ours.admittedPerSecond ?? NaN;
      console.log(
        `  ${connections} conn: ours ÷ durable peer ${(ours.perSecond / durable.perSecond).toFixed(2)} (target ≥ 2)  end to end/raw ${(ours.perSecond / raw.perSecond).toFixed(2)}  admission/raw ${(admission / raw.perSecond).toFixed(2)}  admission/sqs-consumer default ${(admission / consumerDefault.perSecond).toFixed(2)}`,
      );
      allMet = target(`${connections} conn: ours ≥ 2× the durable peer`, ours.perSecond >= 2 * durable.perSecond, `${(ours.perSecond / durable.perSecond).toFixed(2)}×`) && allMet;
      allMet = target(`${connections} conn: end to end ≥ 25% of the raw loop`, ours.perSecond >= 0.25 * raw.perSecond, `${Math.round((100 * ours.perSecond) / raw.perSecond)}%`) && allMet;
      allMet = target(`${connections} conn: admission ≥ 2× ${ADMISSION_BEFORE[connections]} msg/s`, admission >= 2 * ADMISSION_BEFORE[connections], `${Math.round(admission)} msg/s`) && allMet;
      allMet = target(`${connections} conn: admission ≥ 3× sqs-consumer default`, admission >= 3 * consumerDefault.perSecond, `${(admission / consumerDefault.perSecond).toFixed(2)}×`) && allMet;
      const destinationShare = withDestination.perSecond / ours.perSecond;
      allMet = target(`${connections} conn: with an on-success destination ≥ 70% of without`, destinationShare >= 0.7, `${Math.round(100 * destinationShare)}%`) && allMet;
    }
  } finally {
    await peer.stop();
    await platform.stop();
  }
  return allMet;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchThroughput();
