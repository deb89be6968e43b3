import { backoffDelay, sleepUnlessAborted } from '@/lib/async/backoff';
import type { Db } from '@/lib/db/client';
import { createDataToken } from '@/lib/data/data-token';
import { algorithmEgress } from '@/lib/outgoing-http/algorithm-egress';
import type { PlatformSettings } from '@/lib/settings/get-platform-settings';
import { callAlgorithmEndpoint, type RunOutcome } from './call-algorithm-endpoint';
import { finishRun, type FinishingRun } from './finish-run';
import type { RunContext } from './run-context';
import { nextRunState, type NextRunState } from './run-retry-policy';

// The data token outlives the run's timeout a little, so a run may still write its result.
const TOKEN_GRACE_SECONDS = 60;
// Recording an outcome retries while the database is unreachable, this long at most between tries.
const FINISH_RETRY_MAX_MS = 5_000;

export interface ExecutedRun {
  outcome: RunOutcome;
  durationMs: number;
  /** The run's state after this attempt; null when it was no longer this attempt's to record. */
  next: NextRunState | null;
  /** performance.now() once the outcome was written. */
  recordedAt: number;
}

/** A RUNNING attempt of a run with what calling its version's endpoint needs. */
export interface RunToExecute extends FinishingRun {
  input: unknown;
  timeoutSeconds: number;
  eventFlowId: string | null;
  sqsMessageId: string | null;
  endpointUrl: string;
  /** The algorithm's owner: the data token acts for them. */
  ownerId: string;
  /** Whose run it is: the user session limit counts per caller. */
  callerId: string;
}

export interface ExecuteOptions {
  /** Read when the run was claimed or admitted: an admin's change of the allowed networks applies to the next run. */
  settings: Pick<PlatformSettings, 'algorithmAllowedNetworks'>;
  /** Ends the retries of recording the outcome (the executor stopping). */
  stop?: AbortSignal;
  /** Called once the endpoint has answered, before the outcome is recorded, with the run's next state. */
  onAnswered?(next: NextRunState): void;
}

/**
 * Calls the endpoint of a RUNNING run's version with the algorithm context, then records
 * the outcome, retrying while the database is unreachable (until `stop` aborts), so an
 * outcome the endpoint gave is not lost to a database blip.
 */
export async function executeRun(db: Db, run: RunToExecute, context: RunContext, { settings, stop, onAnswered }: ExecuteOptions): Promise<ExecutedRun> {
  const headers: Record<string, string> = { 'x-run-id': run.id, 'x-run-attempt': String(run.attempt), 'x-data-api': context.dataApiUrl };
  if (run.sqsMessageId) headers['x-sqs-message-id'] = run.sqsMessageId;
  if (context.dataTokenKey) {
    const expiresAt = new Date(Date.now() + (run.timeoutSeconds + TOKEN_GRACE_SECONDS) * 1000);
    headers.authorization = `Bearer ${createDataToken(context.dataTokenKey, run.ownerId, expiresAt)}`;
  }
  const egress = algorithmEgress(settings, context.allowLoopbackEndpoints);
  const started = performance.now();
  const outcome = await callAlgorithmEndpoint({ endpointUrl: run.endpointUrl, input: run.input, timeoutSeconds: run.timeoutSeconds, headers, ...egress });
  const durationMs = Math.round(performance.now() - started);
  const log = { runId: run.id, attempt: run.attempt, eventFlowId: run.eventFlowId, sqsMessageId: run.sqsMessageId, status: outcome.status, durationMs };
  const answered = nextRunState(outcome, { ...run, retries: run.executorId !== null });
  onAnswered?.(answered);
  const next = await finishDurably(db, run, outcome, answered, durationMs, context, stop);
  const recordedAt = performance.now();
  if (!next) context.logger.warn(log, 'attempt finished after its run had been re-queued; outcome not recorded');
  else if (outcome.status === 'SUCCEEDED') context.logger.debug(log, 'run succeeded');
  else context.logger.info({ ...log, error: outcome.error }, 'attempt did not succeed');
  return { outcome, durationMs, next, recordedAt };
}

async function finishDurably(db: Db, run: RunToExecute, outcome: RunOutcome, next: NextRunState, durationMs: number, context: RunContext, stop?: AbortSignal) {
  for (let failures = 0; ; ) {
    try {
      return await finishRun(db, run, outcome, next, durationMs);
    } catch (error) {
      if (stop?.aborted) throw error;
      if (failures++ === 0) context.logger.warn({ err: error, runId: run.id }, 'could not record the outcome; retrying');
      await sleepUnlessAborted(backoffDelay(failures, FINISH_RETRY_MAX_MS), stop ?? new AbortController().signal);
    }
  }
}
