import type { SQSClient } from '@aws-sdk/client-sqs';
import { createTestDatabase, type TestDatabase } from './database';
import { createEventFlow } from './event-flows';
import { notifyFlowsChanged } from '@/lib/flows/notify-flows-changed';
import { createAlgorithm, createUser } from './factories';
import { startPlatformApiStandIn, type PlatformApiStandIn } from './platform-api-stand-in';
import { createQueueWithDlq, testSqsClient } from './sqs';
import { testWorkerConfig, testWorkerEnv } from './worker';
import type { WorkerConfig } from '@/worker/config';

type FlowOptions = Omit<Parameters<typeof createEventFlow>[1], 'algorithmId' | 'creatorId' | 'queueUrl'> & {
  /** Announce the new flow with NOTIFY, as the web app does (default true). */
  announce?: boolean;
};

/**
 * What the worker tests stand on: their own database, a user with an algorithm, the
 * algorithm API stand-in, and the SQS emulator through the AWS SDK.
 */
export interface WorkerScene {
  database: TestDatabase;
  platform: PlatformApiStandIn;
  /** The worker's environment on this scene: it admits through the stand-in (the algorithm API over HTTP), whose faults the tests choose. */
  workerEnv(overrides?: Record<string, string>): Record<string, string>;
  workerConfig(overrides?: Record<string, string>): WorkerConfig;
  sqs: SQSClient;
  owner: Awaited<ReturnType<typeof createUser>>;
  algorithm: Awaited<ReturnType<typeof createAlgorithm>>;
  /** A flow on the given queue URL. */
  connect(queueUrl: string, options?: FlowOptions): ReturnType<typeof createEventFlow>;
  /** A new queue with its DLQ, and a flow on it. */
  connectQueue(options?: FlowOptions & { visibilityTimeout?: number; maxReceiveCount?: number }): Promise<{
    queueUrl: string;
    dlqUrl: string;
    flow: Awaited<ReturnType<typeof createEventFlow>>;
  }>;
  flowRow(flowId: string): ReturnType<TestDatabase['db']['eventFlow']['findUniqueOrThrow']>;
  /** The SQS message ids of the flow's recorded runs. */
  runMessageIds(flowId: string): Promise<Array<string | null>>;
  close(): Promise<void>;
}

export async function createWorkerScene(): Promise<WorkerScene> {
  const database = await createTestDatabase();
  const platform = await startPlatformApiStandIn(database.db);
  const sqs = testSqsClient();
  const owner = await createUser(database.db);
  const algorithm = await createAlgorithm(database.db, owner.id, { version: '1.0.0' });

  const connect: WorkerScene['connect'] = async (queueUrl, { announce = true, ...options } = {}) => {
    const flow = await createEventFlow(database.db, { ...options, algorithmId: algorithm.id, creatorId: owner.id, queueUrl });
    if (announce) await notifyFlowsChanged(database.db, flow.id);
    return flow;
  };

  const throughStandIn = { WORKER_ADMISSION: 'api' };
  return {
    database,
    platform,
    workerEnv: (overrides = {}) => testWorkerEnv(database.url, platform.url, { ...throughStandIn, ...overrides }),
    workerConfig: (overrides = {}) => testWorkerConfig(database.url, platform.url, { ...throughStandIn, ...overrides }),
    sqs,
    owner,
    algorithm,
    connect,
    async connectQueue({ visibilityTimeout, maxReceiveCount, ...options } = {}) {
      const queue = await createQueueWithDlq(sqs, { visibilityTimeout, maxReceiveCount });
      return { ...queue, flow: await connect(queue.queueUrl, options) };
    },
    flowRow: (flowId) => database.db.eventFlow.findUniqueOrThrow({ where: { id: flowId } }),
    async runMessageIds(flowId) {
      const runs = await database.db.algorithmRun.findMany({ where: { eventFlowId: flowId }, select: { sqsMessageId: true } });
      return runs.map((run) => run.sqsMessageId);
    },
    async close() {
      await platform.close();
      sqs.destroy();
      await database.drop();
    },
  };
}
