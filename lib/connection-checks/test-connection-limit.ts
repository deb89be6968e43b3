import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@/lib/errors';

// Test connection calls STS and SQS with the platform's identity: unthrottled, it is an
// oracle for which roles trust the platform, and it burns the platform's STS quota.
// Per user, per web process (in memory: a restart forgets, which errs toward the user).

export const TEST_CONNECTIONS_PER_MINUTE = 10;

export type TestConnectionLimit = (userId: string) => Promise<void>;

export function createTestConnectionLimit(points = TEST_CONNECTIONS_PER_MINUTE): TestConnectionLimit {
  const limiter = new RateLimiterMemory({ keyPrefix: 'test-connection', points, duration: 60 });
  return async (userId) => {
    try {
      await limiter.consume(userId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `You can test connections ${points} times a minute. Try again in ${retryAfterSeconds} s.`,
        undefined,
        { retryAfterSeconds },
      );
    }
  };
}

const globalForLimit = globalThis as unknown as { eventFlowsTestConnectionLimit?: TestConnectionLimit };

/** This web process's limit, shared by both Test connection routes. */
export function testConnectionLimit(): TestConnectionLimit {
  globalForLimit.eventFlowsTestConnectionLimit ??= createTestConnectionLimit();
  return globalForLimit.eventFlowsTestConnectionLimit;
}
