// What reading a list's run counts costs, and what keeping them costs where outcomes are
// written (issue 26: failed runs per connection on every Events row).
//
// Reading: the succeeded and failed runs of a page of connections, counted over their runs
// (one grouped query on the (eventFlowId, status) index, as dead runs are counted) versus
// read from FlowRunTotals (one row per connection), with 10,000 and 1,000,000 finished runs
// over 100 connections. Writing: 2,000 outcomes through finishRun (batched as the executor
// writes them, 10 connections), whose statement now also adds to FlowRunTotals; run it on
// the commit before with `--write-only` to compare.
import { randomBytes } from 'node:crypto';
import { createDb, sqlPool, type Db } from '@/lib/db/client';
import { finishRun } from '@/lib/runs/finish-run';
import { heading, median } from './support/report';
import { startBenchDatabase } from './support/services';

const FLOWS = 100;
const ROUNDS = 7;

async function seed(db: Db) {
  const user = await db.user.create({ data: { id: 'bench-user', name: 'bench', email: 'bench@example.test', username: 'bench' } });
  const algorithm = await db.algorithm.create({
    data: { ownerId: user.id, name: 'counted', versions: { create: { version: '1.0.0', endpointUrl: 'http://127.0.0.1:9/' } } },
    include: { versions: true },
  });
  const flows = [];
  for (let i = 0; i < FLOWS; i++) {
    flows.push(
      await db.eventFlow.create({
        data: { kind: 'BROKER', algorithmId: algorithm.id, creatorId: user.id, queueUrl: `https://sqs.us-east-1.amazonaws.com/123456789012/q${i}`, roleArn: 'arn:aws:iam::123456789012:role/r' },
      }),
    );
  }
  return { user, algorithm, versionId: algorithm.versions[0]!.id, flowIds: flows.map((flow) => flow.id) };
}

/** `count` finished runs spread over the flows, one in ten FAILED; the totals as the migration backfills them. */
async function addFinishedRuns(db: Db, scene: Awaited<ReturnType<typeof seed>>, count: number) {
  const pool = sqlPool(db);
  await pool.query(
    `INSERT INTO "AlgorithmRun" ("id", "algorithmId", "versionId", "callerId", "status", "source", "eventFlowId", "input", "timeoutSeconds", "finishedAt")
     SELECT $1 || g, $2, $3, $4, (CASE WHEN g % 10 = 0 THEN 'FAILED' ELSE 'SUCCEEDED' END)::"RunStatus", 'EVENT_FLOW', ($5::text[])[1 + g % ${FLOWS}], '"x"', 30, now()
     FROM generate_series(1, $6::int) g`,
    [`r${randomBytes(3).toString('hex')}-`, scene.algorithm.id, scene.versionId, scene.user.id, scene.flowIds, count],
  );
  await pool.query(`DELETE FROM "FlowRunTotals"`);
  await pool.query(`
    INSERT INTO "FlowRunTotals" ("eventFlowId", "succeeded", "failed")
    SELECT r."eventFlowId", count(*) FILTER (WHERE r."status" = 'SUCCEEDED')::int, count(*) FILTER (WHERE r."status" IN ('FAILED', 'TIMED_OUT'))::int
    FROM "AlgorithmRun" r WHERE r."eventFlowId" IS NOT NULL AND r."status" IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT') GROUP BY r."eventFlowId"`);
  await pool.query('VACUUM ANALYZE "AlgorithmRun"');
  await pool.query('VACUUM ANALYZE "FlowRunTotals"');
}

async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const startedAt = performance.now();
  await work();
  return performance.now() - startedAt;
}

async function measureReads(db: Db, flowIds: string[]) {
  const grouped = () =>
    db.algorithmRun.groupBy({ by: ['eventFlowId', 'status'], where: { eventFlowId: { in: flowIds }, status: { in: ['SUCCEEDED', 'FAILED'] } }, _count: { _all: true } });
  const totals = () => db.flowRunTotals.findMany({ where: { eventFlowId: { in: flowIds } } });
  await grouped();
  await totals();
  const groupedMs: number[] = [];
  const totalsMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    groupedMs.push(await timeMs(grouped));
    totalsMs.push(await timeMs(totals));
  }
  return { grouped: median(groupedMs), totals: median(totalsMs) };
}

async function measureWrites(db: Db, scene: Awaited<ReturnType<typeof seed>>, runs: number) {
  const pool = sqlPool(db);
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO "AlgorithmRun" ("id", "algorithmId", "versionId", "callerId", "status", "source", "eventFlowId", "input", "timeoutSeconds", "attempt", "maxAttempts", "startedAt")
     SELECT $1 || g, $2, $3, $4, 'RUNNING', 'EVENT_FLOW', ($5::text[])[1 + g % 10], '"x"', 30, 1, 1, now() FROM generate_series(1, $6::int) g RETURNING "id"`,
    [`w${randomBytes(3).toString('hex')}-`, scene.algorithm.id, scene.versionId, scene.user.id, scene.flowIds, runs],
  );
  // As the executor's slots do: up to 8 outcomes in flight at once, batched while one is written.
  let next = 0;
  const ms = await timeMs(() =>
    Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let index = next++; index < rows.length; index = next++) {
          const failed = index % 10 === 0;
          await finishRun(
            db,
            { id: rows[index]!.id, attempt: 1, maxAttempts: 1, executorId: 'bench' },
            failed ? { status: 'FAILED', error: 'bad input', retryable: false } : { status: 'SUCCEEDED', output: 'ok' },
            failed ? { status: 'FAILED', error: 'bad input' } : { status: 'SUCCEEDED' },
            5,
          );
        }
      }),
    ),
  );
  return ms;
}

async function main() {
  const writeOnly = process.argv.includes('--write-only');
  const database = await startBenchDatabase();
  const db = createDb(database.url);
  try {
    const scene = await seed(db);
    if (!writeOnly) {
      heading('Run counts of a page of connections (median of 7 reads, ms)');
      let seeded = 0;
      for (const total of [10_000, 1_000_000]) {
        await addFinishedRuns(db, scene, total - seeded);
        seeded = total;
        for (const page of [10, FLOWS]) {
          const reads = await measureReads(db, scene.flowIds.slice(0, page));
          console.log(`  ${total.toLocaleString('en')} runs, ${page} connections: counted over runs ${reads.grouped.toFixed(2)} ms, FlowRunTotals ${reads.totals.toFixed(2)} ms`);
        }
      }
    }
    heading('Writing outcomes (finishRun, 8 at once, 10 connections)');
    const writes: number[] = [];
    for (let round = 0; round < 5; round++) writes.push(await measureWrites(db, scene, 2_000));
    const ms = median(writes);
    console.log(`  2,000 outcomes: median ${ms.toFixed(0)} ms (${((ms / 2_000) * 1000).toFixed(0)} µs per outcome; rounds ${writes.map((w) => w.toFixed(0)).join(', ')} ms)`);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

await main();
