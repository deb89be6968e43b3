import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

// Every run enters through here, alone (the algorithm API) or as a batch of SQS messages
// (an event flow). Counting the runs in flight and inserting the new ones happen under
// one transaction-scoped advisory lock, so concurrent calls cannot both see the last free
// slot. The lock is held for one count and one insert, whatever the batch size.
const RUN_ADMISSION_LOCK = 5_318_008_101;

/** NOTIFYed when runs are queued, so the executor claims them at once rather than at its next poll. */
export const RUNS_QUEUED_CHANNEL = 'algorithm_runs_queued';

/** What every run of one admission shares. */
export interface RunBatch {
  algorithmId: string;
  versionId: string;
  callerId: string;
  timeoutSeconds: number;
  /** RUNNING: the caller executes it now (synchronous API); QUEUED: the executor will. */
  status: 'QUEUED' | 'RUNNING';
  /** Set for SQS messages: a message id already run by this flow gets its run back instead. */
  eventFlowId?: string;
}

export interface RunItem {
  input: unknown;
  sqsMessageId?: string;
}

export type Admission =
  | { admitted: true; runId: string; status: string }
  | { admitted: false; reason: string };

interface AdmissionState {
  existing: Record<string, { id: string; status: string }> | null;
  total: number;
  mine: number;
  maxWorkers: number;
  userSessionLimit: number;
}

/**
 * Admits the items in order while capacity allows; one answer per item. An item whose
 * message already has a run (a redelivery, or the same id twice in a batch) shares it.
 */
export async function admitRuns(db: Db, batch: RunBatch, items: RunItem[]): Promise<Admission[]> {
  const messageIds = items.flatMap((item) => (item.sqsMessageId ? [item.sqsMessageId] : []));
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RUN_ADMISSION_LOCK}::bigint)`;
      // Everything decided under the lock is read in one statement, so it is held for few
      // round trips; the settings fall back to the environment as getPlatformSettings does.
      // Its NOTIFY is delivered on commit only, so the executor never wakes before the runs
      // are visible (and wakes for nothing if none was created).
      const [state] = await tx.$queryRaw<AdmissionState[]>`
        SELECT
          (SELECT json_object_agg("sqsMessageId", json_build_object('id', "id", 'status', "status")) FROM "AlgorithmRun"
            WHERE "eventFlowId" = ${batch.eventFlowId ?? null} AND "sqsMessageId" = ANY(${messageIds}::text[])) AS existing,
          count(*)::int AS total,
          count(*) FILTER (WHERE "callerId" = ${batch.callerId})::int AS mine,
          COALESCE((SELECT "maxWorkers" FROM "PlatformSettings" WHERE "id" = 1), ${env().MAX_WORKERS}::int) AS "maxWorkers",
          COALESCE((SELECT "userSessionLimit" FROM "PlatformSettings" WHERE "id" = 1), ${env().USER_SESSION_LIMIT}::int) AS "userSessionLimit"
          ${batch.status === 'QUEUED' ? Prisma.sql`, (SELECT 1 FROM pg_notify(${RUNS_QUEUED_CHANNEL}, '')) AS notified` : Prisma.empty}
        FROM "AlgorithmRun" WHERE "status" IN ('QUEUED', 'RUNNING')`;
      const { existing: found, total, mine, maxWorkers, userSessionLimit } = state!;
      const existing = new Map(Object.entries(found ?? {}));
      const platformRoom = maxWorkers - total;
      const userRoom = userSessionLimit - mine;
      const refusal =
        platformRoom <= userRoom
          ? `The platform is running its maximum of ${maxWorkers} runs; try again later`
          : `You have ${userSessionLimit} runs in flight, your limit; try again later`;

      const fresh: RunItem[] = [];
      const refused = new Set<RunItem>();
      for (const item of items) {
        const id = item.sqsMessageId;
        if (id && (existing.has(id) || fresh.some((other) => other.sqsMessageId === id))) continue;
        if (fresh.length < Math.min(platformRoom, userRoom)) fresh.push(item);
        else refused.add(item);
      }
      const created = fresh.length === 0 ? [] : await createRuns(tx, batch, fresh);
      const createdRun = (item: RunItem) =>
        item.sqsMessageId ? created.find((run) => run.sqsMessageId === item.sqsMessageId) : created[fresh.indexOf(item)];

      return items.map((item): Admission => {
        if (refused.has(item)) return { admitted: false, reason: refusal };
        const known = item.sqsMessageId ? existing.get(item.sqsMessageId) : undefined;
        if (known) return { admitted: true, runId: known.id, status: known.status };
        return { admitted: true, runId: createdRun(item)!.id, status: batch.status };
      });
    },
    // Callers queue on the lock; give them longer than Prisma's 2 s / 5 s defaults.
    { maxWait: 10_000, timeout: 10_000 },
  );
}

/** One INSERT for the whole batch. */
async function createRuns(tx: Prisma.TransactionClient, batch: RunBatch, items: RunItem[]) {
  return tx.algorithmRun.createManyAndReturn({
    data: items.map((item) => ({
      algorithmId: batch.algorithmId,
      versionId: batch.versionId,
      callerId: batch.callerId,
      input: item.input === null ? Prisma.JsonNull : (item.input as Prisma.InputJsonValue),
      timeoutSeconds: batch.timeoutSeconds,
      status: batch.status,
      startedAt: batch.status === 'RUNNING' ? new Date() : null,
      source: batch.eventFlowId ? 'EVENT_FLOW' : 'API',
      eventFlowId: batch.eventFlowId,
      sqsMessageId: item.sqsMessageId,
    })),
    select: { id: true, sqsMessageId: true },
  });
}
