import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key';
import type { Db } from '@/lib/db/client';
import { admitRun } from '@/lib/runs/admit-run';
import { executeRun } from '@/lib/runs/execute-run';
import type { RunContext } from '@/lib/runs/run-context';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { readAlgoInput } from './read-algo-input';
import { resolveAlgoCall } from './resolve-algo-call';

export interface AlgoApiRequest {
  authorization: string | null;
  segments: string[];
  contentType: string | null;
  /** The body, read only once the caller is authenticated (read-limited-body: at most MAX_ALGO_INPUT_BYTES). */
  readBody: (maxBytes: number) => Promise<Buffer>;
  /** `?output=void`: answer once the run is queued, without waiting for it. */
  outputVoid: boolean;
  timeoutParam: string | null;
}

/** The largest input of one call. */
export const MAX_ALGO_INPUT_BYTES = 10 * 1024 * 1024;

export interface AlgoApiResponse {
  status: number;
  body: unknown;
}

/**
 * POST /v1/algo/{owner}/{name}[/{version}]. Asynchronous calls only queue the run (the
 * executor in the worker runs it). Synchronous calls run it here, in the web process,
 * so the answer does not wait on the worker's polling.
 */
export async function runAlgorithm(db: Db, request: AlgoApiRequest, context: RunContext): Promise<AlgoApiResponse> {
  const caller = await authenticateApiKey(db, request.authorization);
  const call = await resolveAlgoCall(db, request.segments, caller.id, request.timeoutParam);
  const input = readAlgoInput(request.contentType, (await request.readBody(MAX_ALGO_INPUT_BYTES)).toString('utf8'));
  const { endpointUrl, ...batch } = call;
  const run = await admitRun(db, { ...batch, input, status: request.outputVoid ? 'QUEUED' : 'RUNNING' });

  if (request.outputVoid) {
    const metadata = { run_id: run.id, content_type: 'json', duration: 0, status: run.status };
    return { status: 200, body: { result: { run_id: run.id }, metadata } };
  }
  const runToExecute = {
    id: run.id,
    attempt: 1,
    maxAttempts: 1,
    executorId: null,
    input,
    timeoutSeconds: call.timeoutSeconds,
    eventFlowId: null,
    sqsMessageId: null,
    endpointUrl,
    ownerId: call.callerId,
    callerId: call.callerId,
  };
  const { outcome, durationMs } = await executeRun(db, runToExecute, context, { settings: await getPlatformSettings(db) });
  const metadata = { run_id: run.id, duration: durationMs / 1000 };
  if (outcome.status === 'SUCCEEDED') {
    const contentType = typeof outcome.output === 'string' ? 'text' : 'json';
    return { status: 200, body: { result: outcome.output, metadata: { ...metadata, content_type: contentType } } };
  }
  const timedOut = outcome.status === 'TIMED_OUT';
  return {
    status: timedOut ? 504 : 400,
    body: { error: { code: timedOut ? 'ALGORITHM_TIMEOUT' : 'ALGORITHM_ERROR', message: outcome.error }, metadata },
  };
}
