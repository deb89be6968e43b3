// What one idle long poll costs the worker: 1,000 queues, one 20 s ReceiveMessage loop
// each, through the SDK's `send` (as the worker polled before) and through
// lib/sqs/create-message-receiver.ts (as it polls now): CPU per poll, and heap kept alive
// per poll in flight. No worker, database or web app around them.
// `npm run bench:idle-polls` (runs node with --expose-gc).
import http from 'node:http';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createMessageReceiver, type ReceiveMessages } from '@/lib/sqs/create-message-receiver';
import { createLeanSqsCall } from '@/lib/sqs/lean-sqs-call';
import { heading } from './support/report';
import { createQueue } from './support/queues';
import { startSqsEmulatorProcess } from './support/services';

const QUEUES = 1_000;
const WAIT_TIME_SECONDS = 20;
const SAMPLE_MS = 40_000;

const collectGarbage = globalThis.gc ?? (() => {
  throw new Error('run with node --expose-gc (npm run bench:idle-polls)');
});

heading(`Idle long polls: ${QUEUES} queues, WaitTimeSeconds ${WAIT_TIME_SECONDS}`);
const emulator = await startSqsEmulatorProcess();
const agents = { http: new http.Agent({ keepAlive: true, maxSockets: Infinity }), https: new https.Agent({ keepAlive: true, maxSockets: Infinity }) };
const sqs = new SQSClient({
  endpoint: emulator.endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  requestHandler: new NodeHttpHandler({ httpAgent: agents.http, httpsAgent: agents.https }),
});
try {
  const admin = emulator.client();
  const queueUrls: string[] = [];
  for (let i = 0; i < QUEUES; i += 50) queueUrls.push(...(await Promise.all(Array.from({ length: 50 }, () => createQueue(admin, 'idle')))));
  admin.destroy();

  const sdkSend: ReceiveMessages = async ({ queueUrl, maxMessages, waitTimeSeconds }, signal) => {
    const command = new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: maxMessages, WaitTimeSeconds: waitTimeSeconds, MessageSystemAttributeNames: ['ApproximateReceiveCount'] });
    const { Messages = [] } = await sqs.send(command, { abortSignal: AbortSignal.any([signal, AbortSignal.timeout((waitTimeSeconds + 10) * 1000)]) });
    return Messages;
  };
  for (const [name, receive] of [
    ['SDK send (before)', sdkSend],
    ['lean receiver (now)', createMessageReceiver(createLeanSqsCall(sqs, agents))],
  ] as const) {
    await measure(name, receive, queueUrls);
  }
} finally {
  sqs.destroy();
  await emulator.stop();
}

async function liveHeap(): Promise<number> {
  await sleep(1_000); // closed sockets release their objects on a later tick
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

async function measure(name: string, receive: ReceiveMessages, queueUrls: string[]): Promise<void> {
  const heapIdle = await liveHeap();
  const stop = new AbortController();
  let polls = 0;
  const loops = queueUrls.map(async (queueUrl) => {
    while (!stop.signal.aborted) {
      await receive({ queueUrl, maxMessages: 10, waitTimeSeconds: WAIT_TIME_SECONDS }, stop.signal).catch(() => undefined);
      polls++;
    }
  });
  await sleep(WAIT_TIME_SECONDS * 1000 + 2_000); // past the first round: polls end and start spread out
  const cpuBefore = process.cpuUsage();
  const pollsBefore = polls;
  const startedAt = performance.now();
  await sleep(SAMPLE_MS);
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - startedAt) / 1000;
  const sampled = polls - pollsBefore;
  // What the polls in flight keep alive: the live heap with them, less the live heap before.
  const keptPerPoll = ((await liveHeap()) - heapIdle) / queueUrls.length / 1024;
  stop.abort();
  await Promise.all(loops);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `${name.padEnd(22)} ${sampled} polls in ${seconds.toFixed(0)} s: ${(cpuMs / sampled).toFixed(2)} ms CPU per poll ` +
      `(${((100 * cpuMs) / 1000 / seconds).toFixed(1)}% of a core), ${keptPerPoll.toFixed(1)} KB of heap per poll in flight`,
  );
}
