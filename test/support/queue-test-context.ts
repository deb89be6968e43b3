import type { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll } from 'vitest';
import type { QueueAccess } from '@/lib/sqs/queue-access';
import { createTestDatabase, type TestDatabase } from './database';
import { localQueueAccess } from './queue-access';
import { testSqsClient } from './sqs';

export interface QueueTestContext {
  t: TestDatabase;
  sqs: SQSClient;
  /** How the web app reaches the queues (local mode: the emulator). */
  access: QueueAccess;
}

/**
 * For a test file on flows' queues: its own database, an SQS client and the app's queue
 * access, set up before the file's tests and closed after them. Read the fields inside
 * tests (they are set in beforeAll).
 */
export function useQueueTestContext(): QueueTestContext {
  const context = {} as QueueTestContext;
  beforeAll(async () => {
    context.t = await createTestDatabase();
    context.sqs = testSqsClient();
    context.access = localQueueAccess();
  });
  afterAll(async () => {
    context.sqs?.destroy();
    await context.t?.drop();
  });
  return context;
}
