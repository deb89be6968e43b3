// CPU per message of ours alone, end to end, to compare two commits: run it in a clone of
// each, alternately, a few times (single runs of the same code move by ±20% on a shared
// machine). A warm-up round, then 5 rounds at 1 and at 10 connections. `npm run bench:cpu`
import { measureRounds } from './support/measure';
import { startOurConsumer } from './support/our-consumer';
import { startPlatform } from './support/platform';
import { heading } from './support/report';

const ROUNDS = 5;
const MESSAGES = { 1: 1_000, 10: 200 } as const;

heading('CPU per message: ours, SQS → run SUCCEEDED, no-op algorithm');
const platform = await startPlatform();
try {
  for (const connections of [1, 10] as const) {
    await measureRounds(platform.sqs, 'ours', connections, MESSAGES[connections], (urls) => startOurConsumer(platform, urls), ROUNDS, {
      worker: () => platform.worker.pid(),
      'web app': () => platform.app.pid,
      PostgreSQL: () => platform.database.pid(),
      'SQS emulator': () => platform.emulator.pid,
    });
  }
} finally {
  await platform.stop();
}
