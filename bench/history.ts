// History: end-to-end throughput with an empty runs table and with 10,000,000 finished runs
// in it; then retention at steady state, runs deleted as fast as they are admitted: the
// throughput while deleting and while not, the run table's size at the start and the end,
// and the claim's p99. `npm run bench:history`
// Sizes (environment): HISTORY_RUNS (10,000,000), HISTORY_ROUND_MESSAGES (1,000 per round),
// STEADY_MINUTES (10, deleting), STEADY_COMPARE_MINUTES (5, not deleting).
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startClaimProbe } from './support/claim-probe';
import { fillFinishedRuns, orderMessage } from './support/history';
import { formatRate, measureThroughput, type ThroughputResult } from './support/measure';
import { startOurConsumer } from './support/our-consumer';
import { startPlatform, type BenchPlatform } from './support/platform';
import { createQueue } from './support/queues';
import { heading, median, percentile, target } from './support/report';

const HISTORY_RUNS = Number(process.env.HISTORY_RUNS ?? 10_000_000);
const ROUND_MESSAGES = Number(process.env.HISTORY_ROUND_MESSAGES ?? 1_000);
const STEADY_MS = Number(process.env.STEADY_MINUTES ?? 10) * 60_000;
const COMPARE_MS = Number(process.env.STEADY_COMPARE_MINUTES ?? 5) * 60_000;
const REPEATS = 3;
// The shortest "Keep finished runs for" (lib/runs/run-retention.ts).
const RETENTION_HOURS = 1;
// The worker's default WORKER_RETENTION_SWEEP_MS: the sweep's lag behind the window.
const SWEEP_INTERVAL_MS = 60_000;
const DAY = 86_400_000;

export async function benchHistory(): Promise<boolean> {
  heading(`History: throughput with ${HISTORY_RUNS.toLocaleString('en')} finished runs, and retention at steady state`);
  const platform = await startPlatform();
  try {
    const { met: historyMet, emptyRate, historyFlowId } = await throughputWithHistory(platform);
    const steadyMet = await steadyState(platform, emptyRate, historyFlowId);
    return historyMet && steadyMet;
  } finally {
    await platform.stop();
  }
}

/** End to end (SQS → SUCCEEDED), 1 connection: with an empty run table, then with the history in it. */
async function throughputWithHistory(platform: BenchPlatform): Promise<{ met: boolean; emptyRate: number; historyFlowId: string }> {
  const empty = await throughputRounds(platform, 'ours, empty runs table');
  const owner = await platform.db.eventFlow.create({
    data: {
      kind: 'BROKER',
      algorithmId: platform.algorithm.id,
      creatorId: platform.owner.id,
      queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/history',
      roleArn: 'arn:aws:iam::123456789012:role/bench',
      enabled: false,
    },
    include: { algorithm: { include: { versions: true } } },
  });
  const filledAt = performance.now();
  const now = Date.now();
  // Within the default 30 days: nothing of it is deleted while it is measured.
  await fillFinishedRuns(platform.database.url, {
    flowId: owner.id,
    algorithmId: owner.algorithmId,
    versionId: owner.algorithm.versions[0]!.id,
    callerId: owner.creatorId,
    count: HISTORY_RUNS,
    from: new Date(now - 29 * DAY),
    to: new Date(now - 60_000),
    onProgress: (done) => process.stdout.write(`\r  filling the history: ${done.toLocaleString('en')} runs`),
  });
  console.log(`\n  filled in ${((performance.now() - filledAt) / 1000).toFixed(0)} s; run table ${(await runTableSize(platform.database.url)).text}`);
  const full = await throughputRounds(platform, `ours, ${HISTORY_RUNS.toLocaleString('en')} finished runs`);
  const ratio = full / empty;
  const met = target(`throughput with ${HISTORY_RUNS.toLocaleString('en')} finished runs ≥ 0.95 × with none`, ratio >= 0.95, ratio.toFixed(3));
  return { met, emptyRate: empty, historyFlowId: owner.id };
}

/** A warm-up round, then the median of REPEATS rounds (as bench/throughput.ts). */
async function throughputRounds(platform: BenchPlatform, name: string): Promise<number> {
  const round = () => measureThroughput(platform.sqs, name, 1, ROUND_MESSAGES, (urls) => startOurConsumer(platform, urls));
  await round();
  const rounds: ThroughputResult[] = [];
  for (let i = 0; i < REPEATS; i++) rounds.push(await round());
  const rate = median(rounds.map((result) => result.perSecond));
  console.log(`${formatRate(rounds.find((result) => result.perSecond === rate) ?? rounds[0]!)}   (rounds: ${rounds.map((r) => Math.round(r.perSecond)).join(', ')} msg/s)`);
  return rate;
}

/**
 * Retention at steady state. The setting's shortest window is an hour, so the hour before
 * the run is made in bulk (runs ending at the rate measured on the empty table, up to now):
 * from the first minute the sweep deletes runs as fast as admission adds them. A producer
 * keeps the queue from running dry. Measured: SUCCEEDED per second while deleting
 * (STEADY_MINUTES), then with the window at 400 days, deleting nothing (STEADY_COMPARE_MINUTES).
 */
async function steadyState(platform: BenchPlatform, rate: number, historyFlowId: string): Promise<boolean> {
  console.log(`\n  steady state: keep finished runs for ${RETENTION_HOURS} hour; ${(STEADY_MS / 60_000).toFixed(1)} min deleting, ${(COMPARE_MS / 60_000).toFixed(1)} min not`);
  const url = platform.database.url;
  // The history above would all expire at once under a one-hour window: start afresh.
  await sql(url, 'TRUNCATE "AlgorithmRun", "DestinationMessage", "DeletedRunMessage"');
  await platform.db.platformSettings.update({ where: { id: 1 }, data: { runRetentionHours: RETENTION_HOURS } });
  const now = Date.now();
  const windowMs = RETENTION_HOURS * 3_600_000 + STEADY_MS;
  await fillFinishedRuns(url, {
    flowId: historyFlowId,
    algorithmId: platform.algorithm.id,
    versionId: (await platform.db.algorithmVersion.findFirstOrThrow({ where: { algorithmId: platform.algorithm.id } })).id,
    callerId: platform.owner.id,
    count: Math.round((rate * windowMs) / 1000),
    from: new Date(now - windowMs),
    to: new Date(now),
  });
  const queueUrl = await createQueue(platform.sqs);
  const [flowId] = await platform.connect([queueUrl]);
  const producer = startProducer(platform.sqs, queueUrl, () => succeeded(url, flowId!));
  try {
    // Warm: consumers, pools and JIT; and the sweep has caught up with what expired while
    // the hour was being made, so the window starts at the steady state.
    await sleep(30_000);
    const lagAllowed = Math.round((rate * (SWEEP_INTERVAL_MS + 30_000)) / 1000);
    while ((await overdueRuns(url)) > lagAllowed) await sleep(5_000);
    const sizeAtStart = await runTableSize(url);
    const runsAtStart = await countRuns(url);
    const deleting = await window(url, flowId!, STEADY_MS);
    const sizeAtEnd = await runTableSize(url);
    const runsAtEnd = await countRuns(url);
    const overdue = await overdueRuns(url);
    const deleted = runsAtStart + deleting.admitted - runsAtEnd;

    await platform.db.platformSettings.update({ where: { id: 1 }, data: { runRetentionHours: 400 * 24 } });
    await sleep(SWEEP_INTERVAL_MS); // a sweep already under way finishes
    const keeping = await window(url, flowId!, COMPARE_MS);

    console.log(`  deleting:     ${Math.round(deleting.rate)} runs/s SUCCEEDED; ${deleted.toLocaleString('en')} runs deleted (${Math.round(deleted / (STEADY_MS / 1000))}/s); claim p50 ${fmt(percentile(deleting.claims, 50))} p99 ${fmt(percentile(deleting.claims, 99))} ms (${deleting.claims.length} probes)`);
    console.log(`  not deleting: ${Math.round(keeping.rate)} runs/s SUCCEEDED; claim p50 ${fmt(percentile(keeping.claims, 50))} p99 ${fmt(percentile(keeping.claims, 99))} ms (${keeping.claims.length} probes)`);
    console.log(`  run table at the start ${sizeAtStart.text}, ${runsAtStart.toLocaleString('en')} runs; at the end ${sizeAtEnd.text}, ${runsAtEnd.toLocaleString('en')} runs`);
    const throughputRatio = deleting.rate / keeping.rate;
    const growth = sizeAtEnd.bytes / sizeAtStart.bytes - 1;
    return [
      target('throughput while deleting ≥ 0.9 × while not', throughputRatio >= 0.9, throughputRatio.toFixed(3)),
      target('run table (with indexes and TOAST) at the end within 10% of the start', Math.abs(growth) <= 0.1, `${(100 * growth).toFixed(1)}%`),
      target(`deletion keeps pace: runs past their window at the end ≤ a sweep interval's admissions + 30 s (${lagAllowed.toLocaleString('en')})`, overdue <= lagAllowed, overdue.toLocaleString('en')),
    ].every(Boolean);
  } finally {
    await producer.stop();
  }
}

/** SUCCEEDED per second over `ms` (from the charts' rollups, which deletion leaves alone), with the claim probed meanwhile. */
async function window(url: string, flowId: string, ms: number): Promise<{ rate: number; admitted: number; claims: number[] }> {
  const probe = startClaimProbe(url);
  const [succeededBefore, acceptedBefore] = [await succeeded(url, flowId), await admitted(url, flowId)];
  const startedAt = performance.now();
  await sleep(ms);
  const [succeededAfter, acceptedAfter] = [await succeeded(url, flowId), await admitted(url, flowId)];
  const seconds = (performance.now() - startedAt) / 1000;
  return { rate: (succeededAfter - succeededBefore) / seconds, admitted: acceptedAfter - acceptedBefore, claims: await probe.stop() };
}

/** Keeps about `backlog` messages waiting beyond those already run: the worker never runs dry. */
function startProducer(sqs: SQSClient, queueUrl: string, done: () => Promise<number>, backlog = 3_000) {
  let sent = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      if (sent - (await done()) >= backlog) {
        await sleep(50);
        continue;
      }
      await Promise.all(
        Array.from({ length: 8 }, () => {
          const Entries = Array.from({ length: 10 }, (_, i) => ({ Id: String(i), MessageBody: orderMessage(sent++) }));
          return sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries }));
        }),
      );
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}

const fmt = (ms: number) => ms.toFixed(1);

async function sql(url: string, text: string): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

async function succeeded(url: string, flowId: string): Promise<number> {
  const [row] = await sql(url, `SELECT COALESCE(sum("runsSucceeded"), 0)::int AS n FROM "FlowMetricMinute" WHERE "eventFlowId" = ${pg.escapeLiteral(flowId)}`);
  return Number(row!.n);
}

/** Messages the flow entry accepted (the worker's counter: admissions, whether or not their run still exists). */
async function admitted(url: string, flowId: string): Promise<number> {
  const [row] = await sql(url, `SELECT "acceptedCount" AS n FROM "EventFlow" WHERE "id" = ${pg.escapeLiteral(flowId)}`);
  return Number(row!.n);
}

/** Runs past the window that are still in the table. */
async function overdueRuns(url: string): Promise<number> {
  const [row] = await sql(url, `SELECT count(*)::int AS n FROM "AlgorithmRun" WHERE "finishedAt" < (now() AT TIME ZONE 'UTC') - interval '${RETENTION_HOURS} hours'`);
  return Number(row!.n);
}

async function countRuns(url: string): Promise<number> {
  return Number((await sql(url, 'SELECT count(*)::int AS n FROM "AlgorithmRun"'))[0]!.n);
}

/** The run table with its indexes and TOAST table. */
async function runTableSize(url: string): Promise<{ bytes: number; text: string }> {
  const [row] = await sql(
    url,
    `SELECT pg_total_relation_size('"AlgorithmRun"')::bigint AS total, pg_relation_size('"AlgorithmRun"')::bigint AS heap,
       pg_indexes_size('"AlgorithmRun"')::bigint AS indexes
     , (SELECT pg_total_relation_size(reltoastrelid) FROM pg_class WHERE oid = '"AlgorithmRun"'::regclass)::bigint AS toast`,
  );
  const mb = (value: unknown) => `${(Number(value) / 1024 / 1024).toFixed(0)} MB`;
  return { bytes: Number(row!.total), text: `${mb(row!.total)} (table ${mb(row!.heap)}, indexes ${mb(row!.indexes)}, TOAST ${mb(row!.toast)})` };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchHistory();
