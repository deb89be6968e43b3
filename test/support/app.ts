import { inject } from 'vitest';
import { deriveKey } from '@/lib/auth/derived-keys';
import { startWebProcess, type RunningApp } from './web-process';

export type { RunningApp } from './web-process';

/** The apps' BETTER_AUTH_SECRET, from which the session, worker and data-token keys are derived. */
export const TEST_AUTH_SECRET = 'test-secret-that-is-long-enough-for-better-auth';
/** The key the apps check algorithms' data tokens with (derived from TEST_AUTH_SECRET). */
export const TEST_DATA_TOKEN_KEY = deriveKey(TEST_AUTH_SECRET, 'data-tokens');

/**
 * The web role on a free port, against the given database and the run's SQS emulator.
 * The tests play the load balancer in front of it (TRUSTED_PROXY_HOPS=1): a test that
 * signs up more users than one address may name each one's address in X-Forwarded-For
 * (test/support/session.ts), as a proxy would.
 */
export function startApp(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  return startWebProcess({
    LOG_FORMAT: 'json',
    TRUSTED_PROXY_HOPS: '1',
    DATABASE_URL: databaseUrl,
    AWS_ENDPOINT_URL_SQS: inject('sqsEndpoint'),
    BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
    ...extraEnv,
  });
}
