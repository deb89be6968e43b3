import { db, sqlPool } from '@/lib/db/client';
import { createRateLimit, type RateLimit } from '@/lib/rate-limits/create-rate-limit';

// Test connection calls STS and SQS with the platform's identity: unthrottled, it is an
// oracle for which roles trust the platform, and it burns the platform's STS quota.
// Per user, shared by every web process (lib/rate-limits/).

export const TEST_CONNECTIONS_PER_MINUTE = 10;

const globalForLimit = globalThis as unknown as { eventFlowsTestConnectionLimit?: RateLimit };

/** The limit both Test connection routes share. */
export function testConnectionLimit(): RateLimit {
  globalForLimit.eventFlowsTestConnectionLimit ??= createRateLimit(sqlPool(db()), {
    name: 'test-connection',
    points: TEST_CONNECTIONS_PER_MINUTE,
    durationSeconds: 60,
    refusal: (retryAfterSeconds) => `You can test connections ${TEST_CONNECTIONS_PER_MINUTE} times a minute. Try again in ${retryAfterSeconds} s.`,
  });
  return globalForLimit.eventFlowsTestConnectionLimit;
}
