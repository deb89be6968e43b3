import type { SQSClient } from '@aws-sdk/client-sqs';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { createDb, type Db } from '@/lib/db/client';
import { notifyFlowsChanged } from '@/lib/flows/notify-flows-changed';
import { createAlgorithm, createUser } from '@/test/support/factories';
import { startBenchEndpoint, type BenchEndpoint, type EndpointOptions } from './algorithm-endpoint';
import { startBenchDatabase, startSqsEmulatorProcess, type BenchDatabase, type SqsEmulatorProcess } from './services';
import type { RunningApp } from '@/test/support/web-process';
import { startBenchWebApp } from './web-app';
import { startBenchWorker, type BenchWorker } from './worker-process';

// "Ours", end to end: the SQS emulator, PostgreSQL, the web app's production build (the
// algorithm API), the real worker process, and a no-op algorithm behind them.

export interface PlatformOptions {
  endpoint?: EndpointOptions;
  workerEnv?: Record<string, string>;
  /** PlatformSettings; high by default so capacity never sheds load in a throughput run. */
  maxWorkers?: number;
  userSessionLimit?: number;
}

export interface BenchPlatform {
  emulator: SqsEmulatorProcess;
  sqs: SQSClient;
  database: BenchDatabase;
  db: Db;
  app: RunningApp;
  endpoint: BenchEndpoint;
  worker: BenchWorker;
  owner: { id: string; username: string };
  algorithm: { id: string; name: string };
  /** A personal API key of the owner, for the algorithm API. */
  apiKey: string;
  /**
   * What a hand-rolled consumer does per message: queue a run through the algorithm API
   * (`?output=void`) with the owner's API key. True when the run was accepted (200).
   */
  submitRun(body: string): Promise<boolean>;
  /** Creates an enabled flow per queue and tells the worker (NOTIFY), as the web app does. */
  connect(queueUrls: string[], options?: { timeoutSeconds?: number; onSuccessQueueUrls?: string[] }): Promise<string[]>;
  /** NOTIFY, as the web app sends after it changes flows: the worker reconciles at once. */
  announce(): Promise<void>;
  /**
   * Runs of these flows SUCCEEDED (from the flows' run totals, written with the outcomes:
   * a read of one row per flow, so the bench's own polling costs PostgreSQL little), and
   * with `destination` their results sent to a destination.
   */
  runsDone(flowIds: string[], options: { destination: boolean }): Promise<number>;
  /** When (epoch ms) the last run of these flows was admitted (each one message answered 200 and deleted). */
  lastAdmittedAt(flowIds: string[]): Promise<number>;
  stop(): Promise<void>;
}

export async function startPlatform(options: PlatformOptions = {}): Promise<BenchPlatform> {
  // What has started so far is stopped again if a later step fails: no process is left behind.
  const started: Array<() => Promise<unknown>> = [];
  const step = async <T extends { stop?(): Promise<void>; close?(): Promise<void> }>(starting: Promise<T>): Promise<T> => {
    const service = await starting;
    started.unshift(async () => (service.stop ?? service.close)?.call(service));
    return service;
  };
  try {
    return await startAll(options, step);
  } catch (error) {
    for (const stop of started) await stop().catch(() => undefined);
    throw error;
  }
}

async function startAll(
  options: PlatformOptions,
  step: <T extends { stop?(): Promise<void>; close?(): Promise<void> }>(starting: Promise<T>) => Promise<T>,
): Promise<BenchPlatform> {
  const [emulator, database] = await Promise.all([step(startSqsEmulatorProcess()), step(startBenchDatabase())]);
  const db = createDb(database.url);
  await db.platformSettings.create({ data: { maxWorkers: options.maxWorkers ?? 1_000_000, userSessionLimit: options.userSessionLimit ?? 1_000_000 } });
  const endpoint = await step(startBenchEndpoint(options.endpoint));
  const owner = await createUser(db);
  const algorithm = await createAlgorithm(db, owner.id, { endpointUrl: endpoint.url });
  const { key: apiKey } = await createApiKey(db, owner.id, { name: 'bench' });
  const app = await step(startBenchWebApp({ databaseUrl: database.url, sqsEndpoint: emulator.endpoint }));
  const worker = await startBenchWorker({ databaseUrl: database.url, sqsEndpoint: emulator.endpoint, platformApiUrl: app.url, env: options.workerEnv });
  const sqs = emulator.client();
  const announce = async () => {
    await notifyFlowsChanged(db, 'bench');
  };
  return {
    emulator,
    sqs,
    database,
    db,
    app,
    endpoint,
    worker,
    owner: { id: owner.id, username: owner.username },
    algorithm,
    apiKey,
    async submitRun(body) {
      const response = await fetch(`${app.url}/v1/algo/${owner.username}/${algorithm.name}?output=void`, {
        method: 'POST',
        headers: { authorization: `Simple ${apiKey}`, 'content-type': 'application/json' },
        body,
      });
      await response.body?.cancel();
      return response.ok;
    },
    async connect(queueUrls, { timeoutSeconds, onSuccessQueueUrls } = {}) {
      const flows = await db.eventFlow.createManyAndReturn({
        data: queueUrls.map((queueUrl, i) => ({
          kind: 'BROKER' as const,
          algorithmId: algorithm.id,
          creatorId: owner.id,
          queueUrl,
          roleArn: 'arn:aws:iam::123456789012:role/bench',
          enabled: true,
          timeoutSeconds,
          onSuccessQueueUrl: onSuccessQueueUrls?.[i],
        })),
        select: { id: true },
      });
      await announce();
      return flows.map((flow) => flow.id);
    },
    announce,
    async runsDone(flowIds, { destination }) {
      const [row] = destination
        ? await db.$queryRaw<Array<{ done: number }>>`SELECT count(*)::int AS done FROM "DestinationMessage" WHERE "eventFlowId" = ANY(${flowIds}) AND "status" = 'SENT'`
        : await db.$queryRaw<Array<{ done: number }>>`SELECT COALESCE(sum("succeeded"), 0)::int AS done FROM "FlowRunTotals" WHERE "eventFlowId" = ANY(${flowIds})`;
      return row?.done ?? 0;
    },
    async lastAdmittedAt(flowIds) {
      const [row] = await db.$queryRaw<Array<{ at: Date | null }>>`SELECT max("createdAt") AS at FROM "AlgorithmRun" WHERE "eventFlowId" = ANY(${flowIds})`;
      return row?.at?.getTime() ?? NaN;
    },
    async stop() {
      await worker.stop().catch(() => undefined);
      await app.stop().catch(() => undefined);
      await endpoint.close();
      sqs.destroy();
      await db.$disconnect();
      await Promise.all([emulator.stop(), database.stop()]);
    },
  };
}
