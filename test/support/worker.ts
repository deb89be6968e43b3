import { Registry } from 'prom-client';
import { inject } from 'vitest';
import type { Db } from '@/lib/db/client';
import { parseEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { LOCAL_SQS_CREDENTIALS } from '@/lib/sqs/local-sqs-credentials';
import { createAssumeRoleCached } from '@/lib/sqs/assume-role-cached';
import { createSharedSqsClients } from '@/lib/sqs/shared-sqs-clients';
import type { SqsAccess } from '@/lib/sqs/sqs-client-for-flow';
import { workerConfig, type WorkerConfig } from '@/worker/config';
import { startWorker, type Worker } from '@/worker/worker';
import { STSClient } from '@aws-sdk/client-sts';
import { TEST_AUTH_SECRET } from './app';
import { trackRunning } from './running-resources';

/** The worker's environment in tests: every timing knob short. */
export function testWorkerEnv(databaseUrl: string, platformApiUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    PLATFORM_API_URL: platformApiUrl,
    BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
    AWS_ENDPOINT_URL_SQS: inject('sqsEndpoint'),
    REQUEUE_DELAY_SECONDS: '1',
    WORKER_RECONCILE_INTERVAL_MS: '500',
    WORKER_LEASE_MS: '3000',
    WORKER_COUNTER_FLUSH_MS: '200',
    // Long enough for the stand-in's run inserts on a busy test machine.
    WORKER_DISPATCH_TIMEOUT_MS: '5000',
    WORKER_SHUTDOWN_GRACE_MS: '2000',
    WORKER_MAX_BACKOFF_MS: '500',
    ...overrides,
  };
}

export function testWorkerConfig(databaseUrl: string, platformApiUrl: string, overrides: Record<string, string> = {}): WorkerConfig {
  return workerConfig(parseEnv(testWorkerEnv(databaseUrl, platformApiUrl, overrides)));
}

/** Local mode: the run's SQS emulator with its local credentials, no AssumeRole. */
export function localSqsAccess(): SqsAccess {
  return {
    endpoint: inject('sqsEndpoint'),
    defaultRegion: 'us-east-1',
    localCredentials: LOCAL_SQS_CREDENTIALS,
    assumeRole: createAssumeRoleCached(new STSClient({ region: 'us-east-1' })),
  };
}

/** The worker in this process, with its own metrics registry. */
export function startTestWorker(db: Db, config: WorkerConfig, sqsAccess: SqsAccess = localSqsAccess(), registry = new Registry()): Worker {
  const sqsClients = createSharedSqsClients(sqsAccess);
  const worker = startWorker({ db, config, sqsClients, registry, logger });
  const stop = async () => {
    await worker.stop();
    sqsClients.destroyAll();
  };
  const stopped = trackRunning(`worker ${worker.id}`, stop);
  return {
    ...worker,
    async stop() {
      await stop();
      stopped();
    },
  };
}
