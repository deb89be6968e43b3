import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@/lib/errors';

// A limit on how often a key (a user, a client address) may do something, counted in
// PostgreSQL so that every web process shares it: two replicas behind a load balancer
// give a user the same 10 a minute as one. The table is made by a migration
// (RateLimiterPoints); each limit's rows carry its name as a prefix.

export interface RateLimitOptions {
  /** Names the limit's rows; unique per limit. */
  name: string;
  points: number;
  durationSeconds: number;
  /** The 429's message, in plain words. */
  refusal: (retryAfterSeconds: number) => string;
}

/** Takes one point for `key`, or throws TOO_MANY_REQUESTS with a Retry-After. */
export type RateLimit = (key: string) => Promise<void>;

export function createRateLimit(pool: pg.Pool, options: RateLimitOptions): RateLimit {
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    tableName: 'RateLimiterPoints',
    tableCreated: true,
    keyPrefix: options.name,
    points: options.points,
    duration: options.durationSeconds,
  });
  return async (key) => {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError('TOO_MANY_REQUESTS', options.refusal(retryAfterSeconds), undefined, { retryAfterSeconds });
    }
  };
}
