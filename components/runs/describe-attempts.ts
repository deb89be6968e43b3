import type { RunStatus } from '@/lib/generated/prisma/client';

/**
 * A run's attempts in words. "Attempt 1 of 3" only while more may follow (running, or
 * queued for a retry); an ended run says how many it took, and a FAILED one that the
 * algorithm refused its input, which is never retried.
 */
export function describeAttempts(run: { status: RunStatus; attempt: number; maxAttempts: number }): string {
  const { status, attempt, maxAttempts } = run;
  const attempts = `${attempt} ${attempt === 1 ? 'attempt' : 'attempts'}`;
  switch (status) {
    case 'QUEUED':
      return attempt === 0 ? 'Not started yet' : `Attempt ${attempt} of ${maxAttempts} failed; it will be retried`;
    case 'RUNNING':
      return `Attempt ${attempt} of ${maxAttempts}`;
    case 'DEAD':
      return `${attempts}, all failed`;
    case 'FAILED':
      return `${attempts}; not retried (the algorithm refused this input)`;
    case 'EXPIRED':
      return attempt === 0 ? 'None: it expired waiting in the queue' : `${attempts}; it expired waiting for a retry`;
    default:
      return attempts;
  }
}
