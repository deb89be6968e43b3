import type pg from 'pg';
import { sqlPool, type Db } from '@/lib/db/client';
import { preparedStatement, textArrayLiteral, textLiteral } from '@/lib/db/prepared-statement';
import { sqlTransaction } from '@/lib/db/sql-transaction';
import { defaultPlatformSettings, settingsFromRow, type PlatformSettings } from '@/lib/settings/get-platform-settings';
import { RUNS_QUEUED_CHANNEL } from './run-channels';
import { admissionLimits, estimateRetryAfterSeconds } from './admission-limits';

// Every run enters through here, alone (the algorithm API) or as a batch of SQS messages
// (an event flow). Queued runs are admitted into a bounded backlog (the queue limits);
// runs the caller executes at once (the synchronous API) take an execution slot (the
// worker limits), since they bypass the executor. Counting and inserting happen under
// one transaction-scoped advisory lock, so concurrent calls cannot both see the last
// free place. The rows are inserted before the lock is taken; under it, one count and a
// delete of the refused ones, whatever the batch size and its inputs' size.
const RUN_ADMISSION_LOCK = 5_318_008_101;

/** What every run of one admission shares. */
export interface RunBatch {
  algorithmId: string;
  versionId: string;
  callerId: string;
  timeoutSeconds: number;
  /** RUNNING: the caller executes it now (synchronous API); QUEUED: the executor will. */
  status: 'QUEUED' | 'RUNNING';
  /** Attempts for transient failures; the platform's default when not given. */
  maxAttempts?: number;
  /** Set for SQS messages: a message id already run by this flow gets its run back instead. */
  eventFlowId?: string;
}

export interface RunItem {
  input: unknown;
  /** Why the input is not the JSON the caller sent (shown on the run). */
  inputNote?: string;
  sqsMessageId?: string;
  /** FIFO queues: the message group and SQS sequence number that order its runs. */
  messageGroupId?: string;
  sequenceNumber?: string;
}

export type Admission = { admitted: true; runId: string; status: string } | { admitted: false; reason: string };

export interface AdmissionResult {
  /** One answer per item, in order. */
  admissions: Admission[];
  /** How many more runs of this caller would be admitted now (back-pressure for the worker). */
  room: number;
  /** Set when an item was refused: when trying again is likely to succeed. */
  retryAfterSeconds?: number;
}

export interface AdmissionState {
  existing: Record<string, { id: string; status: string }> | null;
  total: number;
  mine: number;
  settings: Partial<PlatformSettings> | null;
}

// A place in the backlog is waited for this long at most (admissions queue on the lock).
export const ADMISSION_LOCK_TIMEOUT_MS = 10_000;

// One INSERT for the whole batch (the rows of one unnest). A message that already has a
// run of this flow is skipped (ON CONFLICT DO NOTHING; one being inserted by another
// admission is waited for). Ids are made here, as time-ordered uuids (v7, PostgreSQL 18):
// a new run lands at the right edge of the primary key's index, not on a random page of a
// table of millions of kept runs. The ids stay opaque to callers.
// Attempts: the batch's, else the settings row's default, else the environment's (as
// settingsFromRow falls back).
const INSERT_RUNS = {
  name: 'admit-insert-runs',
  text: `
    INSERT INTO "AlgorithmRun" ("id", "algorithmId", "versionId", "callerId", "timeoutSeconds", "status", "attempt", "maxAttempts",
      "startedAt", "source", "eventFlowId", "input", "inputNote", "sqsMessageId", "messageGroupId", "sequenceNumber", "createdAt", "queuedAt")
    SELECT uuidv7()::text, $1, $2, $3, $4, $5::"RunStatus", CASE WHEN $5::text = 'RUNNING' THEN 1 ELSE 0 END,
      COALESCE($6::int, (SELECT "defaultMaxAttempts" FROM "PlatformSettings" WHERE "id" = 1), $14::int),
      CASE WHEN $5::text = 'RUNNING' THEN now() AT TIME ZONE 'UTC' END, $7::"RunSource", $8,
      i.input::jsonb, i.note, i.message_id, i.group_id, i.sequence::numeric, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest($9::text[], $10::text[], $11::text[], $12::text[], $13::text[]) WITH ORDINALITY AS i(input, note, message_id, group_id, sequence, n)
    ORDER BY i.n
    ON CONFLICT ("eventFlowId", "sqsMessageId") DO NOTHING
    RETURNING "id", "sqsMessageId"`,
};

// Everything decided under the lock, read in one statement (after the lock was granted:
// its own snapshot), leaving out this transaction's own rows. A message's run is
// found among the runs, or, once the retention sweep has deleted it, in DeletedRunMessage
// (written in the transaction that deleted the run, so one snapshot sees one or the
// other). The literal statuses let its generic plan use the index of waiting and running
// runs. Its NOTIFY is delivered on commit only, so the executor never wakes before the
// runs are visible.
const READ_ADMISSION_STATE = preparedStatement(
  'admit_read_state',
  ['text', 'text[]', 'text[]', 'text', 'text', 'text'],
  `
    SELECT
      (SELECT json_object_agg(e."sqsMessageId", json_build_object('id', e."id", 'status', e."status")) FROM (
        SELECT "sqsMessageId", "id", "status" FROM "AlgorithmRun"
          WHERE "eventFlowId" = $1 AND "sqsMessageId" = ANY($2::text[]) AND NOT ("id" = ANY($3::text[]))
        UNION ALL
        SELECT "sqsMessageId", "runId", "status" FROM "DeletedRunMessage"
          WHERE "eventFlowId" = $1 AND "sqsMessageId" = ANY($2::text[])) e) AS existing,
      count(*)::int AS total,
      count(*) FILTER (WHERE "callerId" = $4)::int AS mine,
      (SELECT row_to_json(s) FROM "PlatformSettings" s WHERE s."id" = 1) AS settings,
      (SELECT 1 FROM pg_notify($6, $4) WHERE $5::text = 'QUEUED') AS notified
    FROM "AlgorithmRun" WHERE "status" IN ('QUEUED', 'RUNNING') AND "status" = $5::"RunStatus" AND NOT ("id" = ANY($3::text[]))`,
);

export interface AdmissionStateQuery {
  /** The flow whose messages are admitted (their existing runs are looked up), or null. */
  flowId: string | null;
  messageIds: string[];
  /** This transaction's own new runs, which are not counted. */
  insertedIds: string[];
  callerId: string;
  status: 'QUEUED' | 'RUNNING';
}

/**
 * Takes the admission lock (held until the transaction ends) and reads what admission
 * decides on, in one round trip: a multi-statement query, whose read takes its snapshot
 * once the lock is granted. Taking the lock again in the same transaction is free.
 */
export async function lockAndReadAdmissionState(client: pg.ClientBase, query: AdmissionStateQuery): Promise<AdmissionState> {
  const read = await READ_ADMISSION_STATE.executeOn(client, [
    textLiteral(query.flowId),
    textArrayLiteral(query.messageIds),
    textArrayLiteral(query.insertedIds),
    textLiteral(query.callerId),
    textLiteral(query.status),
    textLiteral(RUNS_QUEUED_CHANNEL),
  ]);
  const results = (await client.query(`SELECT pg_advisory_xact_lock(${RUN_ADMISSION_LOCK}); ${read}`)) as unknown as pg.QueryResult<AdmissionState>[];
  return results[1]!.rows[0]!;
}

const DELETE_DISCARDED = { name: 'admit-delete-discarded', text: `DELETE FROM "AlgorithmRun" WHERE "id" = ANY($1::text[])` };

/**
 * Admits the items in order while there is room; one answer per item. An item whose
 * message already has a run (a redelivery, or the same id twice in a batch) shares it.
 * Plain SQL on one connection (a hot path): insert, lock and read, commit.
 */
export async function admitRuns(db: Db, batch: RunBatch, items: RunItem[]): Promise<AdmissionResult> {
  const messageIds = items.flatMap((item) => (item.sqsMessageId ? [item.sqsMessageId] : []));
  const candidates = items.filter((item, index) => !item.sqsMessageId || messageIds.indexOf(item.sqsMessageId) === index);
  // In message-id order: two admissions of the same messages wait on each other's rows
  // in one order, never in a cycle (a deadlock).
  const toInsert = [...candidates].sort((a, b) => (a.sqsMessageId ?? '').localeCompare(b.sqsMessageId ?? ''));
  const result = await sqlTransaction(
    sqlPool(db),
    async (client) => {
      // The rows, inputs and all, are written before the lock: a batch of ten 1 MiB
      // bodies takes long to insert, and every admission would wait on it. Until commit
      // no one else sees them; those refused under the lock are deleted again.
      const { rows: inserted } = await client.query<{ id: string; sqsMessageId: string | null }>({
        ...INSERT_RUNS,
        values: [
          batch.algorithmId,
          batch.versionId,
          batch.callerId,
          batch.timeoutSeconds,
          batch.status,
          batch.status === 'RUNNING' ? 1 : (batch.maxAttempts ?? null),
          batch.eventFlowId ? 'EVENT_FLOW' : 'API',
          batch.eventFlowId ?? null,
          toInsert.map((item) => JSON.stringify(item.input ?? null)),
          toInsert.map((item) => item.inputNote ?? null),
          toInsert.map((item) => item.sqsMessageId ?? null),
          toInsert.map((item) => item.messageGroupId ?? null),
          toInsert.map((item) => item.sequenceNumber ?? null),
          defaultPlatformSettings().defaultMaxAttempts,
        ],
      });
      const insertedIds = inserted.map((run) => run.id);

      const { existing: found, total, mine, settings } = await lockAndReadAdmissionState(client, {
        flowId: batch.eventFlowId ?? null,
        messageIds,
        insertedIds,
        callerId: batch.callerId,
        status: batch.status,
      });
      const limits = admissionLimits(batch.status, settingsFromRow(settings), { total, mine });
      const existing = new Map(Object.entries(found ?? {}));
      const insertedRun = (item: RunItem) =>
        item.sqsMessageId ? inserted.find((run) => run.sqsMessageId === item.sqsMessageId) : inserted[toInsert.indexOf(item)];

      let admittedFresh = 0;
      const refusedRunIds: string[] = [];
      // Rows inserted for a message whose earlier run was deleted by the retention sweep:
      // the message is answered with that run, and the new row goes again.
      const supersededRunIds = new Set<string>();
      const admissions = items.map((item): Admission => {
        const known = item.sqsMessageId ? existing.get(item.sqsMessageId) : undefined;
        const run = insertedRun(item);
        if (known) {
          if (run) supersededRunIds.add(run.id);
          return { admitted: true, runId: known.id, status: known.status };
        }
        // The same message twice in the batch: the second shares the first's answer.
        if (run && candidates.indexOf(item) === -1) return refusedRunIds.includes(run.id) ? { admitted: false, reason: limits.refusal } : { admitted: true, runId: run.id, status: batch.status };
        if (run && admittedFresh < limits.room) {
          admittedFresh++;
          return { admitted: true, runId: run.id, status: batch.status };
        }
        if (run) refusedRunIds.push(run.id);
        return { admitted: false, reason: limits.refusal };
      });
      const discardedRunIds = [...refusedRunIds, ...supersededRunIds];
      if (discardedRunIds.length > 0) await client.query({ ...DELETE_DISCARDED, values: [discardedRunIds] });
      const refused = admissions.filter((admission) => !admission.admitted).length;
      return { admissions, room: limits.room - admittedFresh, refused, userBound: limits.userBound };
    },
    ADMISSION_LOCK_TIMEOUT_MS,
  );
  const { admissions, room, refused, userBound } = result;
  if (refused === 0) return { admissions, room };
  // Off the lock: only refusals pay for reading the drain rate.
  return { admissions, room, retryAfterSeconds: await retryAfterSeconds(db, { needed: refused, callerId: userBound ? batch.callerId : undefined }) };
}

/** From how fast runs (the caller's when their own limit binds, else everyone's) finished in the last minute. */
export async function retryAfterSeconds(db: Db, { needed, callerId }: { needed: number; callerId?: string }): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ finished: number }>>`
    SELECT count(*)::int AS finished FROM "AlgorithmRun"
    WHERE "finishedAt" > (now() AT TIME ZONE 'UTC') - interval '60 seconds'
      AND (${callerId ?? null}::text IS NULL OR "callerId" = ${callerId ?? null})`;
  return estimateRetryAfterSeconds(needed, (row?.finished ?? 0) / 60);
}
