import pg from 'pg';

// Run history made in bulk (generate_series), shaped like the runs the benchmarks' live
// messages make: ids as admission makes them, an order of ~200 bytes as input, the no-op
// endpoint's output, one attempt-log entry; 97% SUCCEEDED, 2% FAILED, 1% DEAD.

/** The body of live message `i`: the same order the history's inputs hold. */
export function orderMessage(i: number): string {
  return JSON.stringify(orderOf(i));
}

function orderOf(i: number) {
  return {
    order: i,
    customer: `customer-${i % 5000}`,
    items: [
      { sku: `sku-${i % 977}`, qty: 1 + (i % 5) },
      { sku: `sku-${i % 131}`, qty: 2 },
    ],
    note: 'x'.repeat(64),
  };
}

const ROWS_PER_STATEMENT = 200_000;

export interface HistoryOptions {
  flowId: string;
  algorithmId: string;
  versionId: string;
  callerId: string;
  count: number;
  /** The runs finish evenly from `from` to `to` (createdAt 25 ms before finishedAt). */
  from: Date;
  to: Date;
  onProgress?(done: number): void;
}

// $1 flow, $2 algorithm, $3 version, $4 caller, $5 first n, $6 last n, $7 total, $8 from, $9 to.
const INSERT_HISTORY = `
  INSERT INTO "AlgorithmRun" ("id", "algorithmId", "versionId", "callerId", "status", "source", "eventFlowId", "sqsMessageId",
    "input", "output", "error", "timeoutSeconds", "attempt", "maxAttempts", "attemptLog", "createdAt", "queuedAt", "startedAt", "finishedAt", "durationMs")
  SELECT uuidv7()::text, $2, $3, $4, s.status::"RunStatus", 'EVENT_FLOW', $1, gen_random_uuid()::text,
    jsonb_build_object('order', n, 'customer', 'customer-' || (n % 5000),
      'items', jsonb_build_array(jsonb_build_object('sku', 'sku-' || (n % 977), 'qty', 1 + n % 5), jsonb_build_object('sku', 'sku-' || (n % 131), 'qty', 2)),
      'note', repeat('x', 64)),
    CASE WHEN s.status = 'SUCCEEDED' THEN '{"ok": true}'::jsonb END,
    CASE WHEN s.status <> 'SUCCEEDED' THEN 'The endpoint answered 500: failing on purpose' END,
    300, 1, 3,
    jsonb_build_array(jsonb_build_object('attempt', 1, 'at', to_char(t.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'outcome', s.status, 'durationMs', 20 + n % 50)),
    t.at - interval '25 ms', t.at - interval '25 ms', t.at - interval '20 ms', t.at, 20 + n % 50
  FROM generate_series($5::bigint, $6::bigint) AS n
  CROSS JOIN LATERAL (SELECT $8::timestamp + ($9::timestamp - $8::timestamp) * (n::float8 / $7::float8) AS at) t
  CROSS JOIN LATERAL (SELECT CASE WHEN n % 100 < 97 THEN 'SUCCEEDED' WHEN n % 100 < 99 THEN 'FAILED' ELSE 'DEAD' END AS status) s`;

/**
 * Inserts `count` ended runs of one flow. Above a million, the run table's indexes of
 * ended runs are dropped first and built again after (much faster than a row at a time).
 */
export async function fillFinishedRuns(databaseUrl: string, options: HistoryOptions): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rebuild = options.count > 1_000_000 ? await dropSecondaryIndexes(client) : [];
    for (let first = 0; first < options.count; first += ROWS_PER_STATEMENT) {
      const last = Math.min(options.count, first + ROWS_PER_STATEMENT) - 1;
      await client.query(INSERT_HISTORY, [
        options.flowId,
        options.algorithmId,
        options.versionId,
        options.callerId,
        first,
        last,
        options.count,
        options.from.toISOString(),
        options.to.toISOString(),
      ]);
      options.onProgress?.(last + 1);
    }
    await client.query('SET maintenance_work_mem = \'256MB\'');
    for (const definition of rebuild) await client.query(definition);
    await client.query('VACUUM (ANALYZE) "AlgorithmRun"');
    // On disk before anything is measured: a table kept for weeks is not being written out.
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
}

/**
 * Drops the indexes the platform can do without for a while; returns their definitions.
 * Kept: the unique ones (admission's ON CONFLICT) and those of waiting and running runs
 * (the executor's claim), so the platform goes on working while the history is made.
 */
async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
    FROM pg_index i WHERE i.indrelid = '"AlgorithmRun"'::regclass AND NOT i.indisunique
      AND (i.indpred IS NULL OR pg_get_expr(i.indpred, i.indrelid) NOT LIKE '%QUEUED%')`);
  for (const row of rows) await client.query(`DROP INDEX ${row.name}`);
  return rows.map((row) => row.definition);
}
