import { inject } from 'vitest';
import { deriveKey } from '@/lib/auth/derived-keys';
import { startNextApp, type RunningApp } from './next-app';

export type { RunningApp } from './next-app';

/** The apps' BETTER_AUTH_SECRET, from which the session, worker and data-token keys are derived. */
export const TEST_AUTH_SECRET = 'test-secret-that-is-long-enough-for-better-auth';
/** The key the apps check algorithms' data tokens with (derived from TEST_AUTH_SECRET). */
export const TEST_DATA_TOKEN_KEY = deriveKey(TEST_AUTH_SECRET, 'data-tokens');

/** The production build (`next start`) on a free port, against the given database and the run's SQS emulator. */
export function startApp(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  return startNextApp({
    LOG_FORMAT: 'json',
    DATABASE_URL: databaseUrl,
    AWS_ENDPOINT_URL_SQS: inject('sqsEndpoint'),
    BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
    ...extraEnv,
  });
}
