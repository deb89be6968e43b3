import type { Message } from '@aws-sdk/client-sqs';

// One received batch → one call of the algorithm API's flow entry, with one answer per
// message. Each answer decides its message's fate (README, "Delivery contract"):
//   200 → the run is durably queued: delete the message;
//   200 with `filtered` → no filter pattern matched: delete it, no run (counted as filtered);
//   429 → the platform is over capacity: requeue it after the requeue delay;
//   anything else, a network error or a timeout → leave it for SQS to redeliver.
export type DispatchResult =
  | { outcome: 'accepted' }
  | { outcome: 'filtered' }
  | { outcome: 'throttled' }
  | { outcome: 'failed'; reason: string }
  | { outcome: 'abandoned' };

export interface DispatchRequest {
  url: string;
  workerToken: string;
  messages: Message[];
  timeoutMs: number;
  /** Aborted when shutdown gives up waiting for in-flight dispatches. */
  abandon: AbortSignal;
}

// A 200 that carries `filtered: true`, kept apart from the other answers' statuses.
const FILTERED = -200;

/** `{api}/v1/event-flows/{flowId}/messages` */
export function flowMessagesUrl(platformApiUrl: string, flowId: string): string {
  return new URL(`v1/event-flows/${encodeURIComponent(flowId)}/messages`, platformApiUrl.endsWith('/') ? platformApiUrl : `${platformApiUrl}/`).toString();
}

/** One result per message, in the order given. */
export async function dispatchBatch(request: DispatchRequest): Promise<DispatchResult[]> {
  const forAll = (result: DispatchResult) => request.messages.map(() => result);
  let answers: Map<string, number>;
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      // identity: a few hundred bytes on a private link are not worth gzip's CPU on both ends.
      headers: { authorization: `Worker ${request.workerToken}`, 'content-type': 'application/json', 'accept-encoding': 'identity' },
      body: JSON.stringify({ messages: request.messages.map((message) => ({ id: message.MessageId ?? '', body: message.Body ?? '' })) }),
      // The worker token never follows a redirect to another host.
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(request.timeoutMs), request.abandon]),
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      return forAll(response.status === 429 ? { outcome: 'throttled' } : { outcome: 'failed', reason: `the algorithm API answered ${response.status}` });
    }
    const { results = [] } = (await response.json()) as { results?: Array<{ id: string; status: number; filtered?: boolean }> };
    answers = new Map(results.map((result) => [result.id, result.status === 200 && result.filtered === true ? FILTERED : result.status]));
  } catch (error) {
    if (request.abandon.aborted) return forAll({ outcome: 'abandoned' });
    if (error instanceof Error && error.name === 'TimeoutError') {
      return forAll({ outcome: 'failed', reason: `the algorithm API did not answer within ${request.timeoutMs} ms` });
    }
    if (error instanceof SyntaxError) return forAll({ outcome: 'failed', reason: 'the algorithm API answered with invalid JSON' });
    return forAll({ outcome: 'failed', reason: `the algorithm API cannot be reached: ${networkCause(error)}` });
  }
  return request.messages.map((message): DispatchResult => {
    const status = answers.get(message.MessageId ?? '');
    if (status === 200) return { outcome: 'accepted' };
    if (status === FILTERED) return { outcome: 'filtered' };
    if (status === 429) return { outcome: 'throttled' };
    return { outcome: 'failed', reason: status ? `the algorithm API answered ${status} for the message` : 'the algorithm API did not answer for the message' };
  });
}

function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
