import { sqlPool, type Db } from '@/lib/db/client';
import { sqlTransaction } from '@/lib/db/sql-transaction';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { settingsFromRow, type PlatformSettings } from '@/lib/settings/get-platform-settings';
import { admissionLimits } from './admission-limits';
import { ADMISSION_LOCK_TIMEOUT_MS, lockAndReadAdmissionState, retryAfterSeconds, type AdmissionState } from './admit-runs';
import { DEAD_RUN_STATUSES } from './dead-run-statuses';

/** Which dead runs to replay: one run, or every dead run of one connection. */
export type DeadRunSelection = { runId: string } | { flowId: string };

export interface ReplayResult {
  /** The runs queued again. */
  replayedRunIds: string[];
  /** Dead runs that did not fit the queue limits: they stay DEAD. */
  refused: number;
  /** Why they did not fit, in plain words. */
  refusal?: string;
  /** Set when some were refused: when trying again is likely to succeed. */
  retryAfterSeconds?: number;
}

// The dead runs selected, oldest first (of algorithms the user owns), with their callers:
// a replayed run waits in its caller's part of the backlog, as when it was admitted.
const selectDeadRuns = (target: 'id' | 'eventFlowId') => `
  SELECT r."id", r."callerId" FROM "AlgorithmRun" r
  WHERE r."${target}" = $2 AND r."status"::text = ANY($3::text[]) AND r."versionId" IS NOT NULL
    AND r."algorithmId" IN (SELECT a."id" FROM "Algorithm" a WHERE a."ownerId" = $1)
  ORDER BY r."createdAt", r."id"`;

// A new attempt of the same run (same id, so X-Run-Id stays the algorithm's idempotency
// key): a fresh retry budget on top of the attempts it used, its error cleared, its expiry
// clock restarted (queuedAt), and the replay in its attempt log with who asked. Only runs
// still dead: a concurrent replay of the same runs queues each once.
const REQUEUE_RUNS = {
  name: 'replay-requeue',
  text: `
    UPDATE "AlgorithmRun" r SET
      "status" = 'QUEUED',
      "error" = NULL,
      "output" = NULL,
      "finishedAt" = NULL,
      "executorId" = NULL,
      "nextAttemptAt" = now() AT TIME ZONE 'UTC',
      "queuedAt" = now() AT TIME ZONE 'UTC',
      "maxAttempts" = r."attempt" + COALESCE((SELECT f."maxAttempts" FROM "EventFlow" f WHERE f."id" = r."eventFlowId"), $3::int),
      "attemptLog" = r."attemptLog" || jsonb_build_array(jsonb_build_object(
        'attempt', r."attempt", 'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'outcome', 'REPLAYED', 'by', $2::text))
    WHERE r."id" = ANY($1::text[]) AND r."status"::text = ANY($4::text[])
    RETURNING r."id"`,
};

/**
 * Replay: the DEAD or EXPIRED runs selected, of algorithms `userId` owns, go back to the
 * queue as new attempts of the same runs, admitted like new work: under the admission
 * lock, by the admission rule (admissionLimits), within the platform's queue limit and
 * each run's caller's, oldest first. What does not fit stays DEAD (counted in `refused`);
 * a bulk replay so queues at most the free room. The NOTIFY of the admission's read
 * (sent on commit) has an executor claim them at once.
 *
 * A run or connection that is not the caller's is NOT_FOUND; a single run that is not
 * dead, or whose version was deleted (nothing to run it with), is CONFLICT.
 */
export async function requeueDeadRuns(db: Db, userId: string, selection: DeadRunSelection): Promise<ReplayResult> {
  if ('flowId' in selection && !(await db.eventFlow.findFirst({ where: { id: selection.flowId, algorithm: { ownerId: userId } }, select: { id: true } }))) {
    throw new AppError('NOT_FOUND', 'No such event flow');
  }
  const [target, selected] = 'runId' in selection ? (['id', selection.runId] as const) : (['eventFlowId', selection.flowId] as const);
  const decided = await sqlTransaction(
    sqlPool(db),
    async (client): Promise<{ replayedRunIds: string[]; refused: number; refusal?: Refusal }> => {
      const { rows: dead } = await client.query<DeadRun>(selectDeadRuns(target), [userId, selected, DEAD_RUN_STATUSES]);
      if (dead.length === 0) return { replayedRunIds: [], refused: 0 };
      // The admission's own lock and read, once per caller (usually one): the queued counts and settings.
      const counts = new Map<string, AdmissionState>();
      for (const callerId of new Set(dead.map((run) => run.callerId))) {
        counts.set(callerId, await lockAndReadAdmissionState(client, { flowId: null, messageIds: [], insertedIds: [], callerId, status: 'QUEUED' }));
      }
      const settings = settingsFromRow([...counts.values()][0]!.settings);
      const { admitted, refusal } = admitInOrder(dead, counts, settings);
      const { rows: requeued } = admitted.length
        ? await client.query<{ id: string }>({ ...REQUEUE_RUNS, values: [admitted, userId, settings.defaultMaxAttempts, DEAD_RUN_STATUSES] })
        : { rows: [] };
      return { replayedRunIds: requeued.map((row) => row.id), refused: dead.length - admitted.length, refusal };
    },
    ADMISSION_LOCK_TIMEOUT_MS,
  );
  const { replayedRunIds, refused, refusal } = decided;
  if ('runId' in selection && replayedRunIds.length === 0 && refused === 0) await explainNothingReplayed(db, userId, selection.runId);
  logger.info({ userId, ...selection, replayed: replayedRunIds.length, refused }, 'dead runs replayed');
  if (!refusal) return { replayedRunIds, refused };
  // Off the lock: only refusals pay for reading the drain rate.
  const retryAfter = await retryAfterSeconds(db, { needed: refused, callerId: refusal.userBound ? refusal.callerId : undefined });
  return { replayedRunIds, refused, refusal: refusal.reason, retryAfterSeconds: retryAfter };
}

interface DeadRun {
  id: string;
  callerId: string;
}

/** The runs that fit, in order, each judged by the admission rule with the runs admitted before it counted. */
function admitInOrder(dead: DeadRun[], counts: Map<string, AdmissionState>, settings: PlatformSettings): { admitted: string[]; refusal?: Refusal } {
  const admittedByCaller = new Map<string, number>();
  const admitted: string[] = [];
  let refusal: Refusal | undefined;
  for (const run of dead) {
    const { total, mine } = counts.get(run.callerId)!;
    const callersAdmitted = admittedByCaller.get(run.callerId) ?? 0;
    const limits = admissionLimits('QUEUED', settings, { total: total + admitted.length, mine: mine + callersAdmitted });
    if (limits.room > 0) {
      admitted.push(run.id);
      admittedByCaller.set(run.callerId, callersAdmitted + 1);
    } else refusal ??= { reason: limits.refusal, userBound: limits.userBound, callerId: run.callerId };
  }
  return { admitted, refusal };
}

interface Refusal {
  reason: string;
  /** The caller's own limit bound (not the platform's): the Retry-After follows their runs. */
  userBound: boolean;
  callerId: string;
}

async function explainNothingReplayed(db: Db, userId: string, runId: string): Promise<never> {
  const run = await db.algorithmRun.findFirst({ where: { id: runId, algorithm: { ownerId: userId } }, select: { status: true, versionId: true, deletedVersion: true } });
  if (!run) throw new AppError('NOT_FOUND', 'No such run');
  if (run.versionId === null) throw new AppError('CONFLICT', `Version ${run.deletedVersion ?? ''} of this run was deleted: it cannot run again`);
  throw new AppError('CONFLICT', `Only a dead or expired run can be replayed; this one is ${run.status.toLowerCase()}`);
}
