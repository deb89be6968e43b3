// Lists over a million runs: what a page of the Runs tab and of Recent messages costs
// (first and deep pages, with a status filter), what counting them costs exactly and up to
// COUNT_LIMIT, and what OFFSET would cost instead of the keyset cursor.
// `npm run bench:lists` (not part of `npm run bench`).
import { createDb, sqlPool, type Db } from '@/lib/db/client';
import { listFlowMessages } from '@/lib/flow-messages/list-flow-messages';
import { COUNT_LIMIT } from '@/lib/pagination/list-page';
import { listAlgorithmRuns } from '@/lib/runs/list-algorithm-runs';
import { startBenchDatabase } from './support/services';
import { heading, median } from './support/report';

const RUNS = 1_000_000;
const ROUNDS = 7;

/** Median milliseconds of `ROUNDS` calls, after one warm-up call. */
async function timed(what: () => Promise<unknown>): Promise<number> {
  await what();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    await what();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** One user, algorithm, version and flow, and RUNS runs of that flow over the last ~28 hours: 0.1% FAILED, 0.02% DEAD, the rest SUCCEEDED. */
async function seed(db: Db) {
  const user = await db.user.create({ data: { id: 'bench-user', name: 'bench', email: 'bench@example.test', username: 'bench' } });
  const algorithm = await db.algorithm.create({ data: { ownerId: user.id, name: 'lists', versions: { create: { version: '1.0.0', endpointUrl: 'http://127.0.0.1:9/x' } } }, include: { versions: true } });
  const flow = await db.eventFlow.create({
    data: { kind: 'BROKER', algorithmId: algorithm.id, creatorId: user.id, queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/lists', roleArn: 'arn:aws:iam::123456789012:role/r' },
  });
  const started = performance.now();
  await sqlPool(db).query(
    `INSERT INTO "AlgorithmRun" ("id", "algorithmId", "versionId", "callerId", "status", "source", "eventFlowId", "sqsMessageId", "input", "timeoutSeconds",
       "attempt", "maxAttempts", "createdAt", "queuedAt", "finishedAt", "durationMs")
     SELECT 'run' || lpad(g::text, 8, '0'), $1, $2, $3,
       (CASE WHEN g % 1000 = 0 THEN 'FAILED' WHEN g % 5000 = 1 THEN 'DEAD' ELSE 'SUCCEEDED' END)::"RunStatus",
       'EVENT_FLOW', $4, md5(g::text), '{}'::jsonb, 30, 1, 3, t, t, t + interval '20 milliseconds', 20
     FROM generate_series(1, $5::int) AS g, LATERAL (SELECT (now() AT TIME ZONE 'UTC') - make_interval(secs => ($5 - g) * 0.1) AS t) AS times`,
    [algorithm.id, algorithm.versions[0]!.id, user.id, flow.id, RUNS],
  );
  await sqlPool(db).query('VACUUM ANALYZE "AlgorithmRun"');
  console.log(`seeded ${RUNS.toLocaleString('en')} runs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { algorithmId: algorithm.id, flowId: flow.id };
}

export async function benchListPages(): Promise<void> {
  heading(`Lists over ${RUNS.toLocaleString('en')} runs`);
  const database = await startBenchDatabase();
  const db = createDb(database.url);
  try {
    const { algorithmId, flowId } = await seed(db);
    const sql = (text: string, values: unknown[]) => sqlPool(db).query(text, values);
    // A cursor half-way down: the page a user reaches after 10,000 "Load more" clicks.
    const middle = (await listAlgorithmRuns(db, algorithmId, {}, null)).nextCursor && (await sql(`SELECT "createdAt", "id" FROM "AlgorithmRun" ORDER BY "createdAt" DESC, "id" DESC OFFSET $1 LIMIT 1`, [RUNS / 2])).rows[0];
    const { encodeTimeCursor } = await import('@/lib/pagination/page-cursor');
    const deep = encodeTimeCursor(middle as { createdAt: Date; id: string });
    const rows: Array<[string, number]> = [
      ['Runs tab, first page (with its capped total)', await timed(() => listAlgorithmRuns(db, algorithmId))],
      ['Runs tab, page at run 500,000 (keyset cursor)', await timed(() => listAlgorithmRuns(db, algorithmId, {}, deep))],
      ['Runs tab, status failed (1,000 of them)', await timed(() => listAlgorithmRuns(db, algorithmId, { status: 'FAILED' }))],
      ['Runs tab, status dead (200 of them)', await timed(() => listAlgorithmRuns(db, algorithmId, { status: 'DEAD' }))],
      ['Recent messages, first page', await timed(() => listFlowMessages(db, flowId))],
      ['Recent messages, page at run 500,000', await timed(() => listFlowMessages(db, flowId, { cursor: deep }))],
      ['the same page with OFFSET 500000', await timed(() => sql(`SELECT "id" FROM "AlgorithmRun" WHERE "algorithmId" = $1 ORDER BY "createdAt" DESC, "id" DESC OFFSET 500000 LIMIT 51`, [algorithmId]))],
      ['exact count, the algorithm\'s runs', await timed(() => sql(`SELECT count(*) FROM "AlgorithmRun" WHERE "algorithmId" = $1`, [algorithmId]))],
      ['exact count, the flow\'s messages', await timed(() => sql(`SELECT count(*) FROM "AlgorithmRun" WHERE "eventFlowId" = $1 AND "sqsMessageId" IS NOT NULL`, [flowId]))],
      ['exact count, the algorithm\'s failed runs', await timed(() => sql(`SELECT count(*) FROM "AlgorithmRun" WHERE "algorithmId" = $1 AND "status" = 'FAILED'`, [algorithmId]))],
      [`count up to ${(COUNT_LIMIT + 1).toLocaleString('en')}, the algorithm's runs`, await timed(() => db.algorithmRun.count({ where: { algorithmId }, take: COUNT_LIMIT + 1 }))],
      [`count up to ${(COUNT_LIMIT + 1).toLocaleString('en')}, the flow's messages`, await timed(() => db.algorithmRun.count({ where: { eventFlowId: flowId, sqsMessageId: { not: null } }, take: COUNT_LIMIT + 1 }))],
    ];
    for (const [what, ms] of rows) console.log(`${what.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms (median of ${ROUNDS})`);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchListPages();
