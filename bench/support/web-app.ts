import { ensureAppBuilt } from '@/lib/local/build-app';
import { startNextApp, type RunningApp } from '@/test/support/next-app';

export const BENCH_AUTH_SECRET = 'bench-secret-that-is-long-enough-for-better-auth';

/** The production build (`next start`, built first if the sources changed), as deployed. */
export async function startBenchWebApp(env: { databaseUrl: string; sqsEndpoint: string }): Promise<RunningApp> {
  await ensureAppBuilt(() => console.log('building the web app (next build)…'));
  return startNextApp(
    { LOG_LEVEL: 'warn', DATABASE_URL: env.databaseUrl, AWS_ENDPOINT_URL_SQS: env.sqsEndpoint, BETTER_AUTH_SECRET: BENCH_AUTH_SECRET },
    '127.0.0.1',
  );
}
