import type { Message } from '@aws-sdk/client-sqs';
import type { FlowTarget } from './sql/load-flow-targets';

// One message → one call of the algorithm API in its asynchronous mode. The answer
// decides the message's fate (PRODUCT.md, "Delivery contract"):
//   200 → the run is durably queued: delete the message;
//   429 → the platform is over capacity: requeue it after the requeue delay;
//   anything else, a network error or a timeout → leave it for SQS to redeliver.
export type DispatchResult =
  | { outcome: 'accepted' }
  | { outcome: 'throttled' }
  | { outcome: 'failed'; reason: string }
  | { outcome: 'abandoned' };

export interface DispatchRequest {
  runUrl: string;
  workerToken: string;
  flowId: string;
  message: Message;
  timeoutMs: number;
  /** Aborted when shutdown gives up waiting for in-flight dispatches. */
  abandon: AbortSignal;
}

/** `{api}/v1/algo/{owner}/{name}[/{version}]?output=void` */
export function algorithmRunUrl(platformApiUrl: string, flow: Pick<FlowTarget, 'algorithmOwner' | 'algorithmName' | 'version'>): string {
  const path = [flow.algorithmOwner, flow.algorithmName, ...(flow.version ? [flow.version] : [])].map(encodeURIComponent).join('/');
  const url = new URL(`v1/algo/${path}`, platformApiUrl.endsWith('/') ? platformApiUrl : `${platformApiUrl}/`);
  url.searchParams.set('output', 'void');
  return url.toString();
}

export async function dispatchMessage(request: DispatchRequest): Promise<DispatchResult> {
  const body = request.message.Body ?? '';
  try {
    const response = await fetch(request.runUrl, {
      method: 'POST',
      headers: {
        authorization: `Worker ${request.workerToken}`,
        'content-type': isJson(body) ? 'application/json' : 'text/plain; charset=utf-8',
        'x-event-flow-id': request.flowId,
        'x-sqs-message-id': request.message.MessageId ?? '',
      },
      body,
      // The worker token never follows a redirect to another host.
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(request.timeoutMs), request.abandon]),
    });
    await response.body?.cancel();
    if (response.status === 200) return { outcome: 'accepted' };
    if (response.status === 429) return { outcome: 'throttled' };
    return { outcome: 'failed', reason: `the algorithm API answered ${response.status}` };
  } catch (error) {
    if (request.abandon.aborted) return { outcome: 'abandoned' };
    if (error instanceof Error && error.name === 'TimeoutError') {
      return { outcome: 'failed', reason: `the algorithm API did not answer within ${request.timeoutMs} ms` };
    }
    return { outcome: 'failed', reason: `the algorithm API cannot be reached: ${networkCause(error)}` };
  }
}

function isJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
