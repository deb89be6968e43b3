import { sqlPool, type Db } from '@/lib/db/client';
import { defaultPlatformSettings } from '@/lib/settings/get-platform-settings';
import { ENDED_RUN_STATUSES } from './run-retention';

/** SQS keeps a message 14 days at most: no message is delivered again later than that. */
export const MESSAGE_REDELIVERY_DAYS = 14;

const ENDED = ENDED_RUN_STATUSES.map((status) => `'${status}'`).join(', ');

// One batch, one statement (so one short transaction): the oldest ended runs past their
// window, each connection's window read from its row (else the platform's, else the
// environment's), found through the partial index on (eventFlowId, finishedAt) — one range
// per connection, so runs a connection keeps longer are never scanned. Runs of the API and
// of deleted connections (no eventFlowId) have the platform's window. SKIP LOCKED: a run
// another transaction holds (a replay, another worker's sweep) is left for the next batch,
// and the status is checked again on the locked row, so a run replayed meanwhile stays.
// A deleted run whose message SQS could still deliver leaves its (flow, message) → run in
// DeletedRunMessage, which admission reads. Parameters: $1 batch size, $2 the environment's
// window in hours, $3 the redelivery window in days.
const DELETE_EXPIRED_RUNS = {
  name: 'delete-expired-runs',
  text: `
    WITH platform AS (
      SELECT COALESCE((SELECT "runRetentionHours" FROM "PlatformSettings" WHERE "id" = 1), $2::int) AS hours
    ),
    api_runs AS (
      SELECT r."id" FROM "AlgorithmRun" r
      WHERE r."eventFlowId" IS NULL AND r."status" IN (${ENDED})
        AND r."finishedAt" < (now() AT TIME ZONE 'UTC') - make_interval(hours => (SELECT "hours" FROM platform))
      ORDER BY r."finishedAt" LIMIT $1 FOR UPDATE SKIP LOCKED
    ),
    flow_runs AS (
      SELECT d."id" FROM "EventFlow" f CROSS JOIN LATERAL (
        SELECT r."id" FROM "AlgorithmRun" r
        WHERE r."eventFlowId" = f."id" AND r."status" IN (${ENDED})
          AND r."finishedAt" < (now() AT TIME ZONE 'UTC') - make_interval(hours => COALESCE(f."runRetentionHours", (SELECT "hours" FROM platform)))
        ORDER BY r."finishedAt" LIMIT $1 FOR UPDATE SKIP LOCKED) d
      LIMIT $1
    ),
    doomed AS (
      SELECT "id" FROM api_runs UNION ALL SELECT "id" FROM flow_runs LIMIT $1
    ),
    deleted AS (
      DELETE FROM "AlgorithmRun" r USING doomed WHERE r."id" = doomed."id"
      RETURNING r."id", r."eventFlowId", r."sqsMessageId", r."status", r."createdAt"
    ),
    remembered AS (
      INSERT INTO "DeletedRunMessage" ("eventFlowId", "sqsMessageId", "runId", "status", "expiresAt")
      SELECT d."eventFlowId", d."sqsMessageId", d."id", d."status", d."createdAt" + make_interval(days => $3::int)
      FROM deleted d
      WHERE d."eventFlowId" IS NOT NULL AND d."sqsMessageId" IS NOT NULL
        AND d."createdAt" + make_interval(days => $3::int) > now() AT TIME ZONE 'UTC'
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM deleted)::int AS deleted, (SELECT count(*) FROM remembered)::int AS remembered`,
};

export interface ExpiredRunsDeleted {
  /** Runs deleted by this batch (fewer than the batch size: none are left for now). */
  deleted: number;
  /** Of them, those whose message id was kept for redeliveries. */
  remembered: number;
}

/**
 * Deletes at most `batchSize` ended runs (SUCCEEDED, FAILED, TIMED_OUT, DEAD, EXPIRED)
 * whose `finishedAt` is older than their window: their connection's, else the platform's
 * "Keep finished runs for". Queued and running runs (a replayed one too) are never deleted.
 */
export async function deleteExpiredRuns(db: Db, batchSize: number): Promise<ExpiredRunsDeleted> {
  const { rows } = await sqlPool(db).query<ExpiredRunsDeleted>({
    ...DELETE_EXPIRED_RUNS,
    values: [batchSize, defaultPlatformSettings().runRetentionHours, MESSAGE_REDELIVERY_DAYS],
  });
  return rows[0]!;
}
