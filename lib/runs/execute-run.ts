import type { Db } from '@/lib/db/client';
import { createDataToken } from '@/lib/data/data-token';
import { callAlgorithmEndpoint, type RunOutcome } from './call-algorithm-endpoint';
import { finishRun } from './finish-run';
import type { RunContext } from './run-context';

// The data token outlives the run's timeout a little, so a run may still write its result.
const TOKEN_GRACE_SECONDS = 60;

export interface ExecutedRun {
  outcome: RunOutcome;
  durationMs: number;
}

/** A RUNNING run with what calling its version's endpoint needs. */
export interface RunToExecute {
  id: string;
  input: unknown;
  timeoutSeconds: number;
  eventFlowId: string | null;
  sqsMessageId: string | null;
  endpointUrl: string;
  /** The algorithm's owner: the data token acts for them. */
  ownerId: string;
}

/** Calls the endpoint of a RUNNING run's version with the algorithm context, then records the outcome. */
export async function executeRun(db: Db, run: RunToExecute, context: RunContext): Promise<ExecutedRun> {
  const runId = run.id;
  const headers: Record<string, string> = { 'x-run-id': runId, 'x-data-api': context.dataApiUrl };
  if (run.sqsMessageId) headers['x-sqs-message-id'] = run.sqsMessageId;
  if (context.authSecret) {
    const expiresAt = new Date(Date.now() + (run.timeoutSeconds + TOKEN_GRACE_SECONDS) * 1000);
    headers.authorization = `Bearer ${createDataToken(context.authSecret, run.ownerId, expiresAt)}`;
  }
  const started = performance.now();
  const outcome = await callAlgorithmEndpoint({ endpointUrl: run.endpointUrl, input: run.input, timeoutSeconds: run.timeoutSeconds, headers });
  const durationMs = Math.round(performance.now() - started);
  const recorded = await finishRun(db, runId, outcome, durationMs);
  const log = { runId, eventFlowId: run.eventFlowId, sqsMessageId: run.sqsMessageId, status: outcome.status, durationMs };
  if (!recorded) context.logger.warn(log, 'run finished after it had been recovered; outcome not recorded');
  else if (outcome.status === 'SUCCEEDED') context.logger.info(log, 'run succeeded');
  else context.logger.warn({ ...log, error: outcome.error }, 'run did not succeed');
  return { outcome, durationMs };
}
