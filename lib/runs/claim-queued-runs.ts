import type pg from 'pg';
import { genericPlanPool, type Db } from '@/lib/db/client';
import { preparedStatement, textArrayLiteral, textLiteral, wholeNumber } from '@/lib/db/prepared-statement';
import { checkOutClient } from '@/lib/db/sql-transaction';
import { settingsFromRow, type PlatformSettings } from '@/lib/settings/get-platform-settings';
import type { RunToExecute } from './execute-run';

// Serialises claims across executors so the counts each one reads are the counts it acts on.
const RUN_CLAIM_LOCK = 5_318_008_102;
// Candidates per user beyond the session limit, for when some of its flows are at their maximum concurrency.
const CANDIDATE_MARGIN = 50;

export interface ClaimedRuns {
  runs: RunToExecute[];
  /** The platform settings as the claim read them: the limits for the next claim, the egress policy for these runs. */
  settings: PlatformSettings;
  /** Whether runs are still queued after the claim (left for limits, FIFO order or a retry's backoff, or queued meanwhile). */
  moreQueued: boolean;
}

export interface ClaimRequest {
  /** The claiming executor (its WorkerProcess id). */
  executorId: string;
  /** At most this many runs (the executor's free slots). */
  limit: number;
  /** Runs executing at once, platform-wide and per user (the platform settings). */
  maxWorkers: number;
  userSessionLimit: number;
  /**
   * This executor's runs whose endpoint has answered, with an outcome that is being
   * recorded: still RUNNING in the table, they hold no slot (the next run need not wait
   * for the write).
   */
  answeredRunIds?: string[];
}

// What may start, decided in one statement (see claimQueuedRuns), run with a generic plan
// (genericPlanPool): planning it anew took longer than running it (1.0 ms of 1.7 ms with
// 1,000 runs queued).
// Parameters: $1 executor id, $2 free slots, $3 maximum of workers, $4 user session
// limit, $5 candidates per user, $6 answered run ids.
const CLAIM = preparedStatement(
  'claim_queued_runs',
  ['text', 'int', 'int', 'int', 'int', 'text[]'],
  `
    WITH RECURSIVE running AS (
      SELECT "callerId", "eventFlowId", "messageGroupId" FROM "AlgorithmRun" WHERE "status" = 'RUNNING' AND NOT ("id" = ANY($6))
    ),
    -- The users with queued runs, by skipping through the (status, callerId) index.
    callers AS (
      (SELECT "callerId" FROM "AlgorithmRun" WHERE "status" = 'QUEUED' ORDER BY "callerId" LIMIT 1)
      UNION ALL
      SELECT (SELECT r."callerId" FROM "AlgorithmRun" r WHERE r."status" = 'QUEUED' AND r."callerId" > c."callerId" ORDER BY r."callerId" LIMIT 1)
      FROM callers c WHERE c."callerId" IS NOT NULL
    ),
    -- Each user's oldest due runs outside FIFO groups: no more of them can start than the
    -- session limit (a margin lets flows at their maximum concurrency be passed over).
    plain AS (
      SELECT c.* FROM callers u CROSS JOIN LATERAL (
        SELECT r."id", r."callerId", r."eventFlowId", r."createdAt" FROM "AlgorithmRun" r
        WHERE r."status" = 'QUEUED' AND r."callerId" = u."callerId" AND r."messageGroupId" IS NULL
          AND (r."nextAttemptAt" IS NULL OR r."nextAttemptAt" <= now() AT TIME ZONE 'UTC')
        ORDER BY r."createdAt" LIMIT $5
      ) c
      WHERE u."callerId" IS NOT NULL
    ),
    -- The first queued run of each FIFO message group, if it is due and none of its group runs.
    heads AS (
      SELECT DISTINCT ON ("eventFlowId", "messageGroupId") "id", "callerId", "eventFlowId", "messageGroupId", "createdAt", "nextAttemptAt"
      FROM "AlgorithmRun" WHERE "status" = 'QUEUED' AND "messageGroupId" IS NOT NULL
      ORDER BY "eventFlowId", "messageGroupId", "sequenceNumber"
    ),
    ready AS (
      SELECT * FROM plain
      UNION ALL
      SELECT h."id", h."callerId", h."eventFlowId", h."createdAt" FROM heads h
      WHERE (h."nextAttemptAt" IS NULL OR h."nextAttemptAt" <= now() AT TIME ZONE 'UTC')
        AND NOT EXISTS (SELECT 1 FROM running g WHERE g."eventFlowId" = h."eventFlowId" AND g."messageGroupId" = h."messageGroupId")
    ),
    per_flow AS (
      SELECT ready.*, row_number() OVER (PARTITION BY ready."eventFlowId" ORDER BY ready."createdAt", ready."id") AS flow_rank
      FROM ready
    ),
    within_flow AS (
      SELECT p.* FROM per_flow p LEFT JOIN "EventFlow" f ON f."id" = p."eventFlowId"
      WHERE f."maxConcurrency" IS NULL
        OR p.flow_rank <= f."maxConcurrency" - (SELECT count(*) FROM running x WHERE x."eventFlowId" = p."eventFlowId")
    ),
    per_user AS (
      SELECT w.*, row_number() OVER (PARTITION BY w."callerId" ORDER BY w."createdAt", w."id") AS user_rank
      FROM within_flow w
    ),
    picked AS (
      SELECT u."id" FROM per_user u
      WHERE u.user_rank <= $4 - (SELECT count(*) FROM running x WHERE x."callerId" = u."callerId")
      ORDER BY u.user_rank, u."createdAt", u."id"
      LIMIT GREATEST(0, LEAST($2, $3 - (SELECT count(*) FROM running)::int))
    ),
    claimed AS (
      UPDATE "AlgorithmRun" r
      SET "status" = 'RUNNING', "startedAt" = now() AT TIME ZONE 'UTC', "attempt" = r."attempt" + 1,
        "executorId" = $1, "nextAttemptAt" = NULL
      FROM picked WHERE r."id" = picked."id"
      RETURNING r."id", r."input", r."timeoutSeconds", r."eventFlowId", r."sqsMessageId", r."attempt", r."maxAttempts",
        r."versionId", r."algorithmId", r."callerId"
    )
    SELECT c."id", c."input", c."timeoutSeconds", c."eventFlowId", c."sqsMessageId", c."attempt", c."maxAttempts",
      $1 AS "executorId", v."endpointUrl", a."ownerId", c."callerId"
    FROM claimed c
    JOIN "AlgorithmVersion" v ON v."id" = c."versionId"
    JOIN "Algorithm" a ON a."id" = c."algorithmId"`,
);

// Read after the claim in the same round trip; prepared too, or each would be planned anew
// on every claim (0.15 and 0.27 ms: the planner weighs every index of the run table). The
// settings as one JSON value: a column added by a migration does not break the statement
// prepared on a live connection (a changed result type would).
const READ_SETTINGS = preparedStatement('claim_read_settings', [], `SELECT row_to_json(s) AS "settings" FROM "PlatformSettings" s WHERE s."id" = 1`);
const READ_MORE_QUEUED = preparedStatement('claim_read_more_queued', [], `SELECT EXISTS (SELECT 1 FROM "AlgorithmRun" WHERE "status" = 'QUEUED') AS "moreQueued"`);

/**
 * Marks up to `limit` queued runs RUNNING for this executor and returns what executing
 * them needs. What may start is decided in one statement, under the claim lock:
 * - retries wait for their `nextAttemptAt`;
 * - FIFO message groups run one at a time in sequence order: only a group's first
 *   queued run may start, and only while none of the group runs (a retrying run
 *   blocks its group, as Lambda's SQS trigger does);
 * - a flow's maxConcurrency, the user session limit and the maximum of workers count
 *   the runs already RUNNING, in every process (but not those answered);
 * - users take turns: every user's oldest runs before anyone's second ones.
 * The lock, the claim, a read of the platform settings and whether runs are still queued
 * (after the claim's own update) go in one round trip: a
 * multi-statement query, which PostgreSQL runs as one transaction (so the lock is held
 * until the claim commits, an error rolls both back, and the claim's snapshot is taken
 * after the lock).
 */
export async function claimQueuedRuns(db: Db, request: ClaimRequest): Promise<ClaimedRuns> {
  const { client, release } = await checkOutClient(genericPlanPool(db));
  try {
    const claim = await CLAIM.executeOn(client, [
      textLiteral(request.executorId),
      wholeNumber(request.limit),
      wholeNumber(request.maxWorkers),
      wholeNumber(request.userSessionLimit),
      wholeNumber(request.userSessionLimit + CANDIDATE_MARGIN),
      textArrayLiteral(request.answeredRunIds ?? []),
    ]);
    const readSettings = await READ_SETTINGS.executeOn(client, []);
    const readMoreQueued = await READ_MORE_QUEUED.executeOn(client, []);
    const results = (await client.query(`
      SELECT pg_advisory_xact_lock(${RUN_CLAIM_LOCK});
      ${claim};
      ${readSettings};
      ${readMoreQueued};`)) as unknown as pg.QueryResult[];
    return {
      runs: results[1]!.rows as RunToExecute[],
      settings: settingsFromRow((results[2]!.rows[0] as { settings: Partial<PlatformSettings> } | undefined)?.settings ?? null),
      moreQueued: (results[3]!.rows[0] as { moreQueued: boolean }).moreQueued,
    };
  } finally {
    release();
  }
}
