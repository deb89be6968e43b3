import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';

// Every run enters through here. Counting the runs in flight and inserting the new one
// happen under one transaction-scoped advisory lock, so concurrent calls cannot both
// see the last free slot. The lock is held for a count and an insert: milliseconds.
const RUN_ADMISSION_LOCK = 5_318_008_101;

/** NOTIFYed when a run is queued, so the executor claims it at once rather than at its next poll. */
export const RUNS_QUEUED_CHANNEL = 'algorithm_runs_queued';

/** What a client told "over capacity" should wait before trying again. */
export const CAPACITY_RETRY_AFTER_SECONDS = 10;

export interface RunRequest {
  algorithmId: string;
  versionId: string;
  callerId: string;
  input: unknown;
  timeoutSeconds: number;
  /** RUNNING: the caller executes it now (synchronous API); QUEUED: the executor will. */
  status: 'QUEUED' | 'RUNNING';
  eventFlow?: { id: string; sqsMessageId: string };
}

export interface AdmittedRun {
  id: string;
  status: string;
  /** True when this flow message already had a run: no second run was made. */
  deduplicated: boolean;
}

interface AdmissionState {
  existing: { id: string; status: string } | null;
  total: number;
  mine: number;
}

/** Creates the run if capacity allows; throws TOO_MANY_REQUESTS otherwise. */
export async function admitRun(db: Db, request: RunRequest): Promise<AdmittedRun> {
  return db.$transaction(
    async (tx) => {
      const settings = await getPlatformSettings(tx);
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RUN_ADMISSION_LOCK}::bigint)`;
      // One statement for everything decided under the lock: it is held for fewer round trips.
      const [state] = await tx.$queryRaw<AdmissionState[]>`
        SELECT
          (SELECT json_build_object('id', "id", 'status', "status") FROM "AlgorithmRun"
            WHERE "eventFlowId" = ${request.eventFlow?.id ?? null} AND "sqsMessageId" = ${request.eventFlow?.sqsMessageId ?? null}) AS existing,
          count(*)::int AS total,
          count(*) FILTER (WHERE "callerId" = ${request.callerId})::int AS mine
        FROM "AlgorithmRun" WHERE "status" IN ('QUEUED', 'RUNNING')`;
      if (state?.existing) return { ...state.existing, deduplicated: true };
      if ((state?.total ?? 0) >= settings.maxWorkers) {
        throw new AppError('TOO_MANY_REQUESTS', `The platform is running its maximum of ${settings.maxWorkers} runs; try again later`);
      }
      if ((state?.mine ?? 0) >= settings.userSessionLimit) {
        throw new AppError('TOO_MANY_REQUESTS', `You have ${settings.userSessionLimit} runs in flight, your limit; try again later`);
      }
      const run = await tx.algorithmRun.create({
        data: {
          algorithmId: request.algorithmId,
          versionId: request.versionId,
          callerId: request.callerId,
          input: request.input === null ? Prisma.JsonNull : (request.input as Prisma.InputJsonValue),
          timeoutSeconds: request.timeoutSeconds,
          status: request.status,
          startedAt: request.status === 'RUNNING' ? new Date() : null,
          source: request.eventFlow ? 'EVENT_FLOW' : 'API',
          eventFlowId: request.eventFlow?.id,
          sqsMessageId: request.eventFlow?.sqsMessageId,
        },
        select: { id: true, status: true },
      });
      // Delivered on commit only, so the executor never wakes before the run is visible.
      if (request.status === 'QUEUED') await tx.$executeRaw`SELECT pg_notify(${RUNS_QUEUED_CHANNEL}, '')`;
      return { ...run, deduplicated: false };
    },
    // Callers queue on the lock; give them longer than Prisma's 2 s / 5 s defaults.
    { maxWait: 10_000, timeout: 10_000 },
  );
}
