import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPlatformSettings, settingsFromRow, type PlatformSettings } from '@/lib/settings/get-platform-settings';
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

interface AdmissionState {
  existing: Record<string, { id: string; status: string }> | null;
  total: number;
  mine: number;
  settings: Partial<PlatformSettings> | null;
}

/**
 * Admits the items in order while there is room; one answer per item. An item whose
 * message already has a run (a redelivery, or the same id twice in a batch) shares it.
 */
export async function admitRuns(db: Db, batch: RunBatch, items: RunItem[]): Promise<AdmissionResult> {
  const messageIds = items.flatMap((item) => (item.sqsMessageId ? [item.sqsMessageId] : []));
  const counted = batch.status === 'QUEUED' ? 'QUEUED' : 'RUNNING';
  const result = await db.$transaction(
    async (tx) => {
      // The rows, inputs and all, are written before the lock: a batch of ten 1 MiB
      // bodies takes long to insert, and every admission would wait on it. Until commit
      // no one else sees them; those refused under the lock are deleted again.
      const maxAttempts = batch.status === 'RUNNING' ? 1 : (batch.maxAttempts ?? (await getPlatformSettings(tx)).defaultMaxAttempts);
      const candidates = items.filter((item, index) => !item.sqsMessageId || messageIds.indexOf(item.sqsMessageId) === index);
      // In message-id order: two admissions of the same messages wait on each other's rows
      // in one order, never in a cycle (a deadlock).
      const toInsert = [...candidates].sort((a, b) => (a.sqsMessageId ?? '').localeCompare(b.sqsMessageId ?? ''));
      const inserted = await createRuns(tx, { ...batch, maxAttempts }, toInsert);
      const insertedIds = inserted.map((run) => run.id);

      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RUN_ADMISSION_LOCK}::bigint)`;
      // Everything decided under the lock is read in one statement, leaving out this
      // transaction's own rows. Its NOTIFY is delivered on commit only, so the executor
      // never wakes before the runs are visible.
      const [state] = await tx.$queryRaw<AdmissionState[]>`
        SELECT
          (SELECT json_object_agg("sqsMessageId", json_build_object('id', "id", 'status', "status")) FROM "AlgorithmRun"
            WHERE "eventFlowId" = ${batch.eventFlowId ?? null} AND "sqsMessageId" = ANY(${messageIds}::text[])
              AND NOT ("id" = ANY(${insertedIds}::text[]))) AS existing,
          count(*)::int AS total,
          count(*) FILTER (WHERE "callerId" = ${batch.callerId})::int AS mine,
          (SELECT row_to_json(s) FROM "PlatformSettings" s WHERE s."id" = 1) AS settings
          ${batch.status === 'QUEUED' ? Prisma.sql`, (SELECT 1 FROM pg_notify(${RUNS_QUEUED_CHANNEL}, ${batch.callerId})) AS notified` : Prisma.empty}
        FROM "AlgorithmRun" WHERE "status" = ${counted}::"RunStatus" AND NOT ("id" = ANY(${insertedIds}::text[]))`;
      const { existing: found, total, mine } = state!;
      const limits = admissionLimits(batch.status, settingsFromRow(state!.settings), { total, mine });
      const existing = new Map(Object.entries(found ?? {}));
      const insertedRun = (item: RunItem) =>
        item.sqsMessageId ? inserted.find((run) => run.sqsMessageId === item.sqsMessageId) : inserted[toInsert.indexOf(item)];

      let admittedFresh = 0;
      const refusedRunIds: string[] = [];
      const admissions = items.map((item): Admission => {
        const known = item.sqsMessageId ? existing.get(item.sqsMessageId) : undefined;
        if (known) return { admitted: true, runId: known.id, status: known.status };
        const run = insertedRun(item);
        // The same message twice in the batch: the second shares the first's answer.
        if (run && candidates.indexOf(item) === -1) return refusedRunIds.includes(run.id) ? { admitted: false, reason: limits.refusal } : { admitted: true, runId: run.id, status: batch.status };
        if (run && admittedFresh < limits.room) {
          admittedFresh++;
          return { admitted: true, runId: run.id, status: batch.status };
        }
        if (run) refusedRunIds.push(run.id);
        return { admitted: false, reason: limits.refusal };
      });
      if (refusedRunIds.length > 0) await tx.algorithmRun.deleteMany({ where: { id: { in: refusedRunIds } } });
      const refused = admissions.filter((admission) => !admission.admitted).length;
      return { admissions, room: limits.room - admittedFresh, refused, userBound: limits.userBound };
    },
    // Callers queue on the lock; give them longer than Prisma's 2 s / 5 s defaults.
    { maxWait: 10_000, timeout: 10_000 },
  );
  const { admissions, room, refused, userBound } = result;
  if (refused === 0) return { admissions, room };
  // Off the lock: only refusals pay for reading the drain rate.
  return { admissions, room, retryAfterSeconds: await retryAfterSeconds(db, { needed: refused, callerId: userBound ? batch.callerId : undefined }) };
}

/** From how fast runs (the caller's when their own limit binds, else everyone's) finished in the last minute. */
async function retryAfterSeconds(db: Db, { needed, callerId }: { needed: number; callerId?: string }): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ finished: number }>>`
    SELECT count(*)::int AS finished FROM "AlgorithmRun"
    WHERE "finishedAt" > (now() AT TIME ZONE 'UTC') - interval '60 seconds'
      AND (${callerId ?? null}::text IS NULL OR "callerId" = ${callerId ?? null})`;
  return estimateRetryAfterSeconds(needed, (row?.finished ?? 0) / 60);
}

/**
 * One INSERT for the whole batch. A message that already has a run of this flow is
 * skipped (ON CONFLICT DO NOTHING; one being inserted by another admission is waited for).
 */
async function createRuns(tx: Prisma.TransactionClient, batch: RunBatch & { maxAttempts: number }, items: RunItem[]) {
  const running = batch.status === 'RUNNING';
  return tx.algorithmRun.createManyAndReturn({
    skipDuplicates: true,
    data: items.map((item) => ({
      algorithmId: batch.algorithmId,
      versionId: batch.versionId,
      callerId: batch.callerId,
      input: item.input === null ? Prisma.JsonNull : (item.input as Prisma.InputJsonValue),
      inputNote: item.inputNote,
      timeoutSeconds: batch.timeoutSeconds,
      status: batch.status,
      attempt: running ? 1 : 0,
      maxAttempts: batch.maxAttempts,
      startedAt: running ? new Date() : null,
      source: batch.eventFlowId ? 'EVENT_FLOW' : 'API',
      eventFlowId: batch.eventFlowId,
      sqsMessageId: item.sqsMessageId,
      messageGroupId: item.messageGroupId,
      sequenceNumber: item.sequenceNumber,
    })),
    select: { id: true, sqsMessageId: true },
  });
}
