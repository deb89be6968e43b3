// CPU per message of ours alone, end to end, to compare two commits: run it in a clone of
// each, alternately, a few times (single runs of the same code move by ±20% on a shared
// machine). A warm-up round, then 5 rounds at 1 and at 10 connections. `npm run bench:cpu`
import { formatRate, measureThroughput, type ThroughputResult } from './support/measure';
import { startOurConsumer } from './support/our-consumer';
import { startPlatform } from './support/platform';
import { startCpuMeter } from './support/process-usage';
import { heading, median, printCpuPerMessage } from './support/report';

const ROUNDS = 5;
const MESSAGES = { 1: 1_000, 10: 200 } as const;

heading('CPU per message: ours, SQS → run SUCCEEDED, no-op algorithm');
const platform = await startPlatform();
try {
  for (const connections of [1, 10] as const) {
    const start = (urls: string[]) => startOurConsumer(platform, urls);
    await measureThroughput(platform.sqs, 'warm-up', connections, MESSAGES[connections], start);
    const cpuUsed = await startCpuMeter({
      worker: () => platform.worker.pid(),
      'web app': () => platform.app.pid,
      PostgreSQL: () => platform.database.pid(),
      'SQS emulator': () => platform.emulator.pid,
    });
    const rounds: ThroughputResult[] = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await measureThroughput(platform.sqs, 'ours', connections, MESSAGES[connections], start));
    const cpu = await cpuUsed();
    const best = rounds.find((round) => round.perSecond === median(rounds.map((r) => r.perSecond))) ?? rounds[0]!;
    console.log(`${formatRate(best)}   (rounds: ${rounds.map((round) => Math.round(round.perSecond)).join(', ')} msg/s)`);
    printCpuPerMessage(cpu, ROUNDS * MESSAGES[connections] * connections);
  }
} finally {
  await platform.stop();
}
