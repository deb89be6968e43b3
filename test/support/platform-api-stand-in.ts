import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isWorkerAuthorization } from '@/lib/auth/worker-token';
import { messageInput } from '@/lib/flow-messages/message-input';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { TEST_AUTH_SECRET } from './app';

// A stand-in for the algorithm API's flow entry (`POST /v1/event-flows/{id}/messages`),
// speaking the worker's delivery contract: it answers each message of a batch, and for a
// 200 it has written the AlgorithmRun row (with the SQS message id) before it answers, as
// the real API promises. Each test decides the answer per message: 200, 429, 500, slow, or
// never: faults the real API cannot be made to produce on demand. A batch waits for its
// slowest message and hangs if one hangs; when every message gets the same error, the
// whole call gets it. The happy path and the 429 loop against the real app are in
// test/browser/store-file-flow.test.ts and test/integration/capacity-through-sqs.test.ts.

export type StandInAnswer = { status: number; delayMs?: number } | 'hang';

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
    const settled = answers as Array<{ status: number; delayMs?: number }>;
    const delayMs = Math.max(0, ...settled.map((answer) => answer.delayMs ?? 0));
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const [first] = settled;
    if (first && first.status !== 200 && first.status !== 429 && settled.every((answer) => answer.status === first.status)) return reply(response, first.status);
    const results = await Promise.all(
      batch.map(async (call, index) => {
        const status = settled[index]!.status;
        const recorded = status !== 200 || (await recordRun(db, call).then(() => true, () => false));
        return { id: call.messageId, status: recorded ? status : 500 };
      }),
    );
    reply(response, 200, { results });
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

function reply(response: http.ServerResponse, status: number, body: unknown = { error: { code: String(status) } }) {
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

// Like the real API, a message delivered again finds its run instead of adding one.
async function recordRun(db: Db, call: PlatformCall) {
  const existing = await db.algorithmRun.findFirst({ where: { eventFlowId: call.flowId, sqsMessageId: call.messageId } });
  if (existing) return;
  const flow = await db.eventFlow.findUniqueOrThrow({
    where: { id: call.flowId },
    include: { algorithm: { include: { versions: { orderBy: { createdAt: 'desc' } } } } },
  });
  const version = flow.algorithm.versions.find((v) => v.version === flow.version) ?? flow.algorithm.versions[0]!;
  await db.algorithmRun.create({
    data: {
      algorithmId: flow.algorithmId,
      versionId: version.id,
      callerId: flow.creatorId,
      source: 'EVENT_FLOW',
      eventFlowId: flow.id,
      sqsMessageId: call.messageId,
      input: messageInput(call.body).input as Prisma.InputJsonValue,
      timeoutSeconds: flow.timeoutSeconds ?? 60,
    },
  });
}

