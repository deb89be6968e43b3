import type { Message } from '@aws-sdk/client-sqs';
import type { FlowMessage, FlowMessagesAnswer } from '@/lib/flow-messages/flow-messages-input';
import { retryAfterMsOf } from '@/lib/http/retry-after';
import { coerceError } from '@/lib/logger';
import type { EgressPolicy } from '@/lib/outgoing-http/egress-policy';
import { hostnameOf } from '@/lib/outgoing-http/guarded-lookup';
import { OutgoingHttpError } from '@/lib/outgoing-http/outgoing-http-error';
import { firstHeader, sendOutgoingRequest } from '@/lib/outgoing-http/send-outgoing-request';

// One received batch → one call of the algorithm API's flow entry, with one answer per
// message. Each answer decides its message's fate (docs/delivery.md):
//   200 → the run is durably queued: delete the message;
//   200 with `filtered` → no filter pattern matched: delete it, no run (counted as filtered);
//   429 → the platform's backlog is full: requeue it after the requeue delay;
//   404 with a reason → the flow cannot run (no version to run, paused, deleted): leave it
//     for SQS, and poll no more until the flow can run (worker/refusal-gate.ts);
//   anything else, a network error or a timeout → leave it for SQS to redeliver.
export type DispatchResult =
  | { outcome: 'accepted' }
  | { outcome: 'filtered' }
  | { outcome: 'throttled' }
  | { outcome: 'failed'; reason: string }
  /** The flow entry refused the flow itself (404), for a reason that will not pass by itself. */
  | { outcome: 'refused'; reason: string }
  | { outcome: 'abandoned' };

export interface DispatchAnswer {
  /** One per message, in the order given. */
  results: DispatchResult[];
  /** Messages of this flow the platform would still admit, when it said. */
  room?: number;
  /** When the platform refused messages: how long before trying again. */
  retryAfterMs?: number;
}

export interface DispatchRequest {
  url: string;
  workerToken: string;
  messages: Message[];
  timeoutMs: number;
  /** Aborted when shutdown gives up waiting for in-flight dispatches. */
  abandon: AbortSignal;
}

/** `{api}/v1/event-flows/{flowId}/messages` */
export function flowMessagesUrl(platformApiUrl: string, flowId: string): string {
  return new URL(`v1/event-flows/${encodeURIComponent(flowId)}/messages`, platformApiUrl.endsWith('/') ? platformApiUrl : `${platformApiUrl}/`).toString();
}

// The flow entry answers a few hundred bytes per message.
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * The platform's own API is the one host the worker calls: the operator configured it,
 * so it may be on loopback or a private network (never link-local or metadata).
 */
function platformApiPolicy(url: string): EgressPolicy {
  return { allowLoopback: true, allowedNetworks: [hostnameOf(new URL(url))] };
}

/** What the flow entry is told of one message: its id, body and, on FIFO queues, its group and sequence number. */
export function toFlowMessage(message: Message): FlowMessage {
  const { MessageGroupId: groupId, SequenceNumber: sequenceNumber } = message.Attributes ?? {};
  return { id: message.MessageId ?? '', body: message.Body ?? '', groupId, sequenceNumber };
}

/** The message of the flow entry's error answer (`{"error": {"message"}}`), if it is one. */
function errorMessageOf(body: Buffer): string | undefined {
  try {
    const message = (JSON.parse(body.toString('utf8')) as { error?: { message?: unknown } }).error?.message;
    return typeof message === 'string' && message !== '' ? message : undefined;
  } catch {
    return undefined;
  }
}

export async function dispatchBatch(request: DispatchRequest): Promise<DispatchAnswer> {
  const forAll = (result: DispatchResult, extra: Omit<DispatchAnswer, 'results'> = {}) => ({ results: request.messages.map(() => result), ...extra });
  let answer: FlowMessagesAnswer;
  try {
    const response = await sendOutgoingRequest({
      url: request.url,
      // identity: a few hundred bytes on a private link are not worth gzip's CPU on both ends.
      headers: { authorization: `Worker ${request.workerToken}`, 'content-type': 'application/json', 'accept-encoding': 'identity' },
      body: JSON.stringify({ messages: request.messages.map(toFlowMessage) }),
      // Never redirected (the worker token stays with the platform), bounded in time and size.
      policy: platformApiPolicy(request.url),
      connectTimeoutMs: request.timeoutMs,
      timeoutMs: request.timeoutMs,
      maxResponseBytes: MAX_ANSWER_BYTES,
      signal: request.abandon,
    });
    if (response.status !== 200) {
      if (response.status === 429) return forAll({ outcome: 'throttled' }, { room: 0, retryAfterMs: retryAfterMsOf(firstHeader(response.headers['retry-after'])) });
      const refusal = response.status === 404 ? errorMessageOf(response.body) : undefined;
      if (refusal) return forAll({ outcome: 'refused', reason: refusal });
      return forAll({ outcome: 'failed', reason: `the algorithm API answered ${response.status}` });
    }
    answer = JSON.parse(response.body.toString('utf8')) as FlowMessagesAnswer;
  } catch (error) {
    if (request.abandon.aborted) return forAll({ outcome: 'abandoned' });
    if (error instanceof OutgoingHttpError && (error.code === 'TIMEOUT' || error.code === 'CONNECT_TIMEOUT')) {
      return forAll({ outcome: 'failed', reason: `the algorithm API did not answer within ${request.timeoutMs} ms` });
    }
    if (error instanceof SyntaxError) return forAll({ outcome: 'failed', reason: 'the algorithm API answered with invalid JSON' });
    if (error instanceof OutgoingHttpError) return forAll({ outcome: 'failed', reason: `the algorithm API cannot be reached: ${error.message}` });
    return forAll({ outcome: 'failed', reason: `the call of the algorithm API failed: ${coerceError(error).message}` });
  }
  return dispatchAnswerOf(request.messages, answer);
}

/** Each message's result from the flow entry's answer (over HTTP or in process): a message it did not answer for is left for SQS. */
export function dispatchAnswerOf(messages: readonly Message[], answer: FlowMessagesAnswer): DispatchAnswer {
  const byId = new Map((answer.results ?? []).map((result) => [result.id, result]));
  const results = messages.map((message): DispatchResult => {
    const result = byId.get(message.MessageId ?? '');
    if (result?.status === 200) return 'filtered' in result ? { outcome: 'filtered' } : { outcome: 'accepted' };
    if (result?.status === 429) return { outcome: 'throttled' };
    const status = (result as { status?: number } | undefined)?.status;
    return { outcome: 'failed', reason: status ? `the algorithm API answered ${status} for the message` : 'the algorithm API did not answer for the message' };
  });
  const retryAfterMs = answer.retryAfterSeconds === undefined ? undefined : answer.retryAfterSeconds * 1000;
  return { results, room: typeof answer.room === 'number' ? answer.room : undefined, retryAfterMs };
}
