import { z } from 'zod';
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

/** 200, synchronous: the algorithm's output. */
export const algoResultSchema = z.object({
  result: z.unknown().describe("The algorithm's output: JSON, or text."),
  metadata: z.object({ run_id: z.string(), duration: z.number().describe('Seconds.'), content_type: z.enum(['json', 'text']) }),
}).meta({ id: 'AlgorithmResult' });

/** 200, `?output=void`: the run is stored and queued. */
export const algoQueuedSchema = z.object({
  result: z.object({ run_id: z.string() }),
  metadata: z.object({ run_id: z.string(), content_type: z.literal('json'), duration: z.literal(0), status: z.string().describe('QUEUED.') }),
}).meta({ id: 'QueuedRun' });

/** 400 or 504: the algorithm failed, or passed its timeout. */
export const algoFailureSchema = z.object({
  error: z.object({ code: z.enum(['ALGORITHM_ERROR', 'ALGORITHM_TIMEOUT']), message: z.string() }),
  metadata: z.object({ run_id: z.string(), duration: z.number().describe('Seconds.') }),
}).meta({ id: 'AlgorithmFailure' });

export interface AlgoApiResponse {
  status: number;
  body: z.infer<typeof algoResultSchema> | z.infer<typeof algoQueuedSchema> | z.infer<typeof algoFailureSchema>;
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
    const metadata = { run_id: run.id, content_type: 'json' as const, duration: 0 as const, status: run.status };
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
