import { sqlPool, type Db } from '@/lib/db/client';
import { createRateLimit, type RateLimit } from '@/lib/rate-limits/create-rate-limit';
import type { QueueAccess } from '@/lib/sqs/queue-access';

// Checking a role calls STS with the platform's identity: unthrottled, it is an oracle for
// which roles trust the platform, and it burns the platform's STS quota. Every check a
// user asks for takes a point of one limit: Test connection (both routes) and creating a
// broker connection or listener. No edit can change a saved flow's queue or role, so none
// checks one. Per user, shared by every web process (lib/rate-limits/). Local mode checks
// no role (no STS there), so it takes nothing.

export const ROLE_CHECKS_PER_MINUTE = 10;

const limits = new WeakMap<Db, RateLimit>();

/** Takes one of the user's role checks before STS is called; past the limit, TOO_MANY_REQUESTS with a Retry-After. */
export async function takeRoleCheck(db: Db, userId: string, access: Pick<QueueAccess, 'local'>): Promise<void> {
  if (access.local) return;
  let limit = limits.get(db);
  if (!limit) {
    limit = createRateLimit(sqlPool(db), {
      name: 'role-check',
      points: ROLE_CHECKS_PER_MINUTE,
      durationSeconds: 60,
      refusal: (retryAfterSeconds) =>
        `You can test or connect queues ${ROLE_CHECKS_PER_MINUTE} times a minute (each checks the role with AWS). Try again in ${retryAfterSeconds} s.`,
    });
    limits.set(db, limit);
  }
  await limit(userId);
}
