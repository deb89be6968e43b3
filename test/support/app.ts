import { inject } from 'vitest';
import { startNextApp, type RunningApp } from './next-app';

export type { RunningApp } from './next-app';

/** The apps' BETTER_AUTH_SECRET, which also signs worker and data tokens. */
export const TEST_AUTH_SECRET = 'test-secret-that-is-long-enough-for-better-auth';

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
