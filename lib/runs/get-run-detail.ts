import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { attemptLogOf, type AttemptEntry } from './attempt-log';
import { runSummarySelect, toRunSummary, type RunSummary } from './run-summary';

export interface RunDetail extends RunSummary {
  algorithm: { owner: string; name: string };
  input: unknown;
  /** Why the input is the body as a string rather than its JSON, when it is. */
  inputNote: string | null;
  output: unknown;
  error: string | null;
  timeoutSeconds: number;
  /** Attempts started, and how many it may have (replaying a dead run grants more). */
  attempt: number;
  maxAttempts: number;
  /** Each ended attempt (and replay), oldest first: a dead run's history of failures. */
  attemptLog: AttemptEntry[];
}

/** One run of an algorithm the caller owns; "not found" otherwise. */
export async function getRunDetail(db: Db, callerId: string, runId: string): Promise<RunDetail> {
  const row = await db.algorithmRun.findFirst({
    where: { id: runId, algorithm: { ownerId: callerId } },
    select: {
      ...runSummarySelect,
      input: true,
      inputNote: true,
      output: true,
      error: true,
      timeoutSeconds: true,
      attempt: true,
      maxAttempts: true,
      attemptLog: true,
      algorithm: { select: { name: true, owner: { select: { username: true } } } },
    },
  });
  if (!row) throw new AppError('NOT_FOUND', 'No such run');
  const { runRetentionHours } = await getPlatformSettings(db);
  return {
    ...toRunSummary(row, runRetentionHours),
    algorithm: { owner: row.algorithm.owner.username, name: row.algorithm.name },
    input: row.input,
    inputNote: row.inputNote,
    output: row.output,
    error: row.error,
    timeoutSeconds: row.timeoutSeconds,
    attempt: row.attempt,
    maxAttempts: row.maxAttempts,
    attemptLog: attemptLogOf(row.attemptLog),
  };
}
