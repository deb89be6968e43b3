import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isWorkerAuthorization } from '@/lib/auth/worker-token';
import type { Db } from '@/lib/db/client';
import { TEST_AUTH_SECRET } from './app';

// A stand-in for the algorithm API's asynchronous mode (`POST /v1/algo/...?output=void`),
// speaking the worker's delivery contract: on 200 it has written the AlgorithmRun row
// (with the SQS message id) before it answers, as the real API promises. Each test
// decides the answers per flow: 200, 429, 500, slow, or never: faults the real API cannot
// be made to produce on demand. The happy path and the 429 loop against the real app are
// in test/browser/store-file-flow.test.ts and test/integration/capacity-through-sqs.test.ts.

export type StandInAnswer = { status: number; delayMs?: number } | 'hang';

export interface PlatformCall {
  flowId: string;
  messageId: string;
  path: string;
  contentType: string;
  body: string;
  authorized: boolean;
  at: number;
}

export interface PlatformApiStandIn {
  url: string;
  calls: PlatformCall[];
  callsFor(flowId: string): PlatformCall[];
  /** Calls not answered yet (slow or hanging) whose caller still waits. */
  pending(): number;
  /** The most calls that were waiting for their answer at the same time. */
  mostPendingAtOnce(): number;
  answerFor(flowId: string, answer: (call: PlatformCall) => StandInAnswer): void;
  close(): Promise<void>;
}

export async function startPlatformApiStandIn(db: Db): Promise<PlatformApiStandIn> {
  const calls: PlatformCall[] = [];
  const answers = new Map<string, (call: PlatformCall) => StandInAnswer>();
  const open = new Set<http.ServerResponse>();
  let mostPendingAtOnce = 0;

  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const call: PlatformCall = {
      flowId: String(request.headers['x-event-flow-id'] ?? ''),
      messageId: String(request.headers['x-sqs-message-id'] ?? ''),
      path: request.url ?? '',
      contentType: String(request.headers['content-type'] ?? ''),
      body: Buffer.concat(chunks).toString('utf8'),
      authorized: isWorkerAuthorization(request.headers.authorization ?? null, TEST_AUTH_SECRET),
      at: Date.now(),
    };
    calls.push(call);
    if (!call.authorized) return reply(response, 401);
    const answer = answers.get(call.flowId)?.(call) ?? { status: 200 };
    open.add(response);
    mostPendingAtOnce = Math.max(mostPendingAtOnce, open.size);
    response.once('close', () => open.delete(response));
    if (answer === 'hang') return;
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    const recorded = answer.status !== 200 || (await recordRun(db, call).then(() => true, () => false));
    reply(response, recorded ? answer.status : 500);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsFor: (flowId) => calls.filter((call) => call.flowId === flowId),
    pending: () => open.size,
    mostPendingAtOnce: () => mostPendingAtOnce,
    answerFor: (flowId, answer) => answers.set(flowId, answer),
    close: () =>
      new Promise((resolve) => {
        for (const response of open) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function reply(response: http.ServerResponse, status: number) {
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(status === 200 ? { status: 'queued' } : { error: { code: String(status) } }));
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
      input: call.contentType.startsWith('application/json') ? JSON.parse(call.body) : call.body,
      timeoutSeconds: flow.timeoutSeconds ?? 60,
    },
  });
}
