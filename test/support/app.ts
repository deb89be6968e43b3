import { inject } from 'vitest';
import { deriveKey } from '@/lib/auth/derived-keys';
import { startWebProcess, type RunningApp } from './web-process';

export type { RunningApp } from './web-process';

/** The apps' BETTER_AUTH_SECRET, from which the session, worker and data-token keys are derived. */
export const TEST_AUTH_SECRET = 'test-secret-that-is-long-enough-for-better-auth';
/** The key the apps check algorithms' data tokens with (derived from TEST_AUTH_SECRET). */
export const TEST_DATA_TOKEN_KEY = deriveKey(TEST_AUTH_SECRET, 'data-tokens');

/**
 * Sign-in and sign-up attempts the test apps allow one address a minute. Every test signs
 * up from 127.0.0.1, many users a minute, so the apps allow far more than the default
 * (10); a test of that limit sets it back (test/integration/request-limits.test.ts).
 */
export const TEST_AUTH_ATTEMPTS_PER_MINUTE = '10000';

/**
 * The web role on a free port, against the given database and the run's SQS emulator,
 * trusting no proxy (the default: clients' X-Forwarded-For is ignored).
 */
export function startApp(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  return startWebProcess({
    LOG_FORMAT: 'json',
    AUTH_ATTEMPTS_PER_MINUTE: TEST_AUTH_ATTEMPTS_PER_MINUTE,
    DATABASE_URL: databaseUrl,
    AWS_ENDPOINT_URL_SQS: inject('sqsEndpoint'),
    BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
    ...extraEnv,
  });
}
