import { ensureAppBuilt } from '@/lib/local/build-app';
import { buildRoles } from '@/lib/local/build-roles';
import { startWebProcess, type RunningApp } from '@/test/support/web-process';

export const BENCH_AUTH_SECRET = 'bench-secret-that-is-long-enough-for-better-auth';

/** The production build (the web role, built first if the sources changed), as deployed. */
export async function startBenchWebApp(env: { databaseUrl: string; sqsEndpoint: string }): Promise<RunningApp> {
  await ensureAppBuilt(() => console.log('building the web app (next build)…'));
  await buildRoles();
  return startWebProcess(
    { LOG_LEVEL: 'warn', DATABASE_URL: env.databaseUrl, AWS_ENDPOINT_URL_SQS: env.sqsEndpoint, BETTER_AUTH_SECRET: BENCH_AUTH_SECRET },
    '127.0.0.1',
  );
}
