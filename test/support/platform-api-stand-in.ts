import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isWorkerAuthorization } from '@/lib/auth/worker-token';
import type { Db } from '@/lib/db/client';
import { AppError, HTTP_STATUS } from '@/lib/errors';
import { acceptFlowMessages } from '@/lib/flow-messages/accept-flow-messages';
import type { FlowMessageResult, FlowMessagesAnswer } from '@/lib/flow-messages/flow-messages-input';
import { TEST_AUTH_SECRET } from './app';

// A stand-in for the algorithm API's flow entry (`POST /v1/event-flows/{id}/messages`)
// that adds the faults the real API cannot be made to produce on demand. Each test
// decides the answer per message: 200, 429, 500, slow, or never. A message answered 200
// goes through the real flow entry's admission (acceptFlowMessages, on the test's
// database), so its run is queued exactly as the product queues it (version, timeout,
// attempts, filters, room, a redelivery finding its run) and its answer is the real one.
// A batch waits for its slowest message and hangs if one hangs; when every message gets
// the same error, the whole call gets it. The happy path and the 429 loop against the
// real app are in test/browser/store-file-flow.test.ts and
// test/integration/flow-control.test.ts.

/** `error`: the message of the error answer (as the real flow entry gives with a 404). */
export type StandInAnswer = { status: number; delayMs?: number; error?: string } | 'hang';

/** One message as the stand-in received it. */
export interface PlatformCall {
  flowId: string;
  messageId: string;
  path: string;
  body: string;
  authorized: boolean;
  at: number;
  /** How many messages came in the same call. */
  batchSize: number;
}

export interface PlatformApiStandIn {
  url: string;
  calls: PlatformCall[];
  callsFor(flowId: string): PlatformCall[];
  /** Messages not answered yet (slow or hanging) whose caller still waits. */
  pending(): number;
  /** The most messages that were waiting for their answer at the same time. */
  mostPendingAtOnce(): number;
  answerFor(flowId: string, answer: (call: PlatformCall) => StandInAnswer): void;
  close(): Promise<void>;
}

export async function startPlatformApiStandIn(db: Db): Promise<PlatformApiStandIn> {
  const calls: PlatformCall[] = [];
  const answerers = new Map<string, (call: PlatformCall) => StandInAnswer>();
  const open = new Map<http.ServerResponse, number>();
  const pending = () => [...open.values()].reduce((sum, messages) => sum + messages, 0);
  let mostPendingAtOnce = 0;

  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = request.url ?? '';
    const flowId = decodeURIComponent(/^\/v1\/event-flows\/([^/]+)\/messages$/.exec(path)?.[1] ?? '');
    const authorized = isWorkerAuthorization(request.headers.authorization ?? null, TEST_AUTH_SECRET);
    const { messages } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { messages: Array<{ id: string; body: string }> };
    const batch = messages.map((message): PlatformCall => ({ flowId, messageId: message.id, path, body: message.body, authorized, at: Date.now(), batchSize: messages.length }));
    calls.push(...batch);
    if (!authorized) return reply(response, 401);
    const answers = batch.map((call) => answerers.get(flowId)?.(call) ?? { status: 200 });
    open.set(response, batch.length);
    mostPendingAtOnce = Math.max(mostPendingAtOnce, pending());
    response.once('close', () => open.delete(response));
    if (answers.some((answer) => answer === 'hang')) return;
    const settled = answers as Array<{ status: number; delayMs?: number; error?: string }>;
    const delayMs = Math.max(0, ...settled.map((answer) => answer.delayMs ?? 0));
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const [first] = settled;
    if (first && first.status !== 200 && first.status !== 429 && settled.every((answer) => answer.status === first.status)) {
      return reply(response, first.status, { error: { code: String(first.status), message: first.error } });
    }
    const toAdmit = messages.filter((_, index) => settled[index]!.status === 200);
    let admitted: FlowMessagesAnswer | undefined;
    try {
      if (toAdmit.length > 0) admitted = await acceptFlowMessages(db, flowId, toAdmit);
    } catch (error) {
      // The whole call fails, with the status the real route gives (e.g. 404 for a flow paused or deleted meanwhile).
      if (!(error instanceof AppError)) return reply(response, 500);
      return reply(response, HTTP_STATUS[error.code], { error: { code: error.code, message: error.message } });
    }
    const answered = new Map(admitted?.results.map((result) => [result.id, result]));
    const results = batch.map((call, index): FlowMessageResult | { id: string; status: number } =>
      settled[index]!.status === 200 ? answered.get(call.messageId)! : { id: call.messageId, status: settled[index]!.status },
    );
    const retryAfter: Record<string, string> = admitted?.retryAfterSeconds === undefined ? {} : { 'retry-after': String(admitted.retryAfterSeconds) };
    reply(response, 200, { ...admitted, results }, retryAfter);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsFor: (flowId) => calls.filter((call) => call.flowId === flowId),
    pending,
    mostPendingAtOnce: () => mostPendingAtOnce,
    answerFor: (flowId, answer) => answerers.set(flowId, answer),
    close: () =>
      new Promise((resolve) => {
        for (const response of open.keys()) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function reply(response: http.ServerResponse, status: number, body: unknown = { error: { code: String(status) } }, headers: Record<string, string> = {}) {
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
