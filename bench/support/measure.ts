import { setTimeout as sleep } from 'node:timers/promises';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { startCpuMeter } from './process-usage';
import { createQueue, preload } from './queues';
import type { RunningConsumer } from './reference-consumers';
import { median, printCpuPerMessage } from './report';

export interface ThroughputResult {
  name: string;
  connections: number;
  messages: number;
  seconds: number;
  perSecond: number;
  /** The rate to the consumer's `admitted` stage, when it has one. */
  admittedPerSecond?: number;
  /** CPU milliseconds each metered process used while the consumer worked. */
  cpuMs?: Record<string, number>;
}

type MeteredProcesses = Record<string, () => Promise<number> | number>;

/**
 * Preloads `messagesPerQueue` on `connections` fresh queues, starts the consumer and
 * times it until it has processed them all. With `processes`, their CPU is metered over
 * the same stretch: from the consumer's start, after the preload (sending the messages is
 * the bench's work, not the consumer's), until the last message is processed.
 */
export async function measureThroughput(
  sqs: SQSClient,
  name: string,
  connections: number,
  messagesPerQueue: number,
  start: (queueUrls: string[]) => Promise<RunningConsumer> | RunningConsumer,
  processes?: MeteredProcesses,
  timeoutMs = 600_000,
): Promise<ThroughputResult> {
  const queueUrls = await Promise.all(Array.from({ length: connections }, () => createQueue(sqs)));
  await Promise.all(queueUrls.map((url) => preload(sqs, url, messagesPerQueue)));
  const total = connections * messagesPerQueue;
  const cpuUsed = processes && (await startCpuMeter(processes));
  const startedAt = performance.now();
  const startedAtEpochMs = Date.now();
  const consumer = await start(queueUrls);
  let seconds: number;
  let cpuMs: Record<string, number> | undefined;
  try {
    while (consumer.processed() < total) {
      if (performance.now() - startedAt > timeoutMs) throw new Error(`${name}: ${consumer.processed()}/${total} after ${timeoutMs} ms`);
      await sleep(5);
    }
    seconds = (performance.now() - startedAt) / 1000;
    cpuMs = await cpuUsed?.();
  } finally {
    await consumer.stop();
  }
  const admittedSeconds = consumer.lastAdmittedAt && Math.min(seconds, ((await consumer.lastAdmittedAt()) - startedAtEpochMs) / 1000);
  return { name, connections, messages: total, seconds, perSecond: total / seconds, admittedPerSecond: admittedSeconds && total / admittedSeconds, cpuMs };
}

export function formatRate(result: ThroughputResult): string {
  return `${result.name.padEnd(46)} ${String(result.connections).padStart(3)} conn  ${String(result.messages).padStart(6)} msgs  ${result.seconds.toFixed(2).padStart(7)} s  ${Math.round(result.perSecond).toString().padStart(6)} msg/s`;
}

/**
 * A warm-up round as large as the others (JIT, connection pools: a quarter of one left ours
 * still warming up, its rounds rising), then `rounds` rounds with the CPU of `processes`
 * metered in each. Prints the median round (and the median rate to admitted runs, when
 * the consumer has one) and the CPU per message of each process over all the rounds;
 * returns the median round.
 */
export async function measureRounds(
  sqs: SQSClient,
  name: string,
  connections: number,
  messagesPerQueue: number,
  start: (queueUrls: string[]) => Promise<RunningConsumer> | RunningConsumer,
  rounds: number,
  processes: MeteredProcesses,
): Promise<ThroughputResult> {
  await measureThroughput(sqs, name, connections, messagesPerQueue, start);
  const results: ThroughputResult[] = [];
  for (let i = 0; i < rounds; i++) results.push(await measureThroughput(sqs, name, connections, messagesPerQueue, start, processes));
  const cpu: Record<string, number> = {};
  for (const [processName, ms] of results.flatMap((round) => Object.entries(round.cpuMs!))) cpu[processName] = (cpu[processName] ?? 0) + ms;
  const best = results.find((round) => round.perSecond === median(results.map((r) => r.perSecond))) ?? results[0]!;
  const result = { ...best, admittedPerSecond: best.admittedPerSecond && median(results.map((r) => r.admittedPerSecond!)) };
  const admitted = result.admittedPerSecond ? `; to admitted ${Math.round(result.admittedPerSecond)} msg/s` : '';
  console.log(`${formatRate(result)}   (rounds: ${results.map((round) => Math.round(round.perSecond)).join(', ')} msg/s${admitted})`);
  printCpuPerMessage(cpu, rounds * messagesPerQueue * connections);
  return result;
}
