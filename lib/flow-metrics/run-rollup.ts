import type { RunStatus } from '@/lib/generated/prisma/client';
import { durationBucketOf } from './duration-buckets';

/**
 * What an ended run adds to its flow's rollup of the current minute (the connection
 * page's run charts): one in its outcome's column and one in its duration's bucket
 * (1-based, as PostgreSQL arrays are). Statuses that are not an end (QUEUED for a retry,
 * RUNNING) and EXPIRED add nothing: null.
 */
export function runRollupOf(status: RunStatus, durationMs: number): { succeeded: number; failed: number; dead: number; bucket: number } | null {
  const counts = {
    succeeded: status === 'SUCCEEDED' ? 1 : 0,
    failed: status === 'FAILED' || status === 'TIMED_OUT' ? 1 : 0,
    dead: status === 'DEAD' ? 1 : 0,
  };
  if (counts.succeeded + counts.failed + counts.dead === 0) return null;
  return { ...counts, bucket: durationBucketOf(durationMs) + 1 };
}
