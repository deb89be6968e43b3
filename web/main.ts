// The web role (`npm run start:web`): the Next.js app's production build (`output:
// 'standalone'`) served by web/server.ts on HOST:PORT. No build, no migration, no seeding
// here: those are other roles' work (`npm run build`, `npm run migrate`, `npm start` in
// local mode). It refuses a database whose schema is behind the build.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { assertSchemaCurrent } from '@/lib/db/assert-schema-current';
import { checkDatabase } from '@/lib/db/check-database';
import { ConfigError, env, proxyTrustOf } from '@/lib/env';
import { assertLocalModeHost } from '@/lib/local/assert-local-mode-host';
import { coerceError, logger } from '@/lib/logger';
import { exitOnShutdownSignal } from '@/lib/process/exit-on-shutdown-signal';
import { readinessOf } from './readiness';
import { startWebServer, type RequestHandler } from './server';

// The bundle runs from .build/web/, two levels below the root.
const ROOT = path.resolve(import.meta.dirname, '../..');
const APP_DIR = path.join(ROOT, '.next', 'standalone');

interface NextApp {
  prepare(): Promise<void>;
  getRequestHandler(): RequestHandler;
  close(): Promise<void>;
}

/** Next.js from the standalone build, with the configuration the build recorded (as its own server.js does). */
async function loadApp(hostname: string, port: number): Promise<NextApp> {
  const manifest = await readFile(path.join(APP_DIR, '.next', 'required-server-files.json'), 'utf8').catch(() => {
    throw new ConfigError(`No web app build in ${APP_DIR}: run npm run build first`);
  });
  const { config } = JSON.parse(manifest) as { config: Record<string, unknown> };
  Object.assign(process.env, { NODE_ENV: 'production' });
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  // The build's own copy of Next.js and React, which its pages were traced against.
  const next = createRequire(path.join(APP_DIR, 'server.js'))('next') as (options: object) => NextApp;
  const app = next({ dev: false, dir: APP_DIR, hostname, port, conf: config });
  await app.prepare();
  return app;
}

async function main(): Promise<void> {
  const config = env();
  const warning = assertLocalModeHost(config, config.HOST);
  if (warning) logger.warn(warning);
  if (!config.DATABASE_URL) throw new ConfigError('DATABASE_URL is not set: the web app needs a migrated PostgreSQL (npm start sets it in local mode)');
  await checkDatabase(config.DATABASE_URL);
  const migrationNames = await assertSchemaCurrent(config.DATABASE_URL);
  // The readiness probe's own connection: a probe must not queue behind the app's pool.
  const probePool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 1, connectionTimeoutMillis: 3_000 });
  probePool.on('error', () => undefined);
  const app = await loadApp(config.HOST, config.PORT);
  const server = await startWebServer({
    host: config.HOST,
    port: config.PORT,
    trust: proxyTrustOf(config),
    handle: app.getRequestHandler(),
    readiness: readinessOf(probePool, migrationNames),
    logger,
  });
  logger.info({ host: config.HOST, port: server.port }, 'web app listening');
  exitOnShutdownSignal(
    async () => {
      await server.stop({ drainDelayMs: config.WEB_DRAIN_DELAY_MS, graceMs: config.WEB_SHUTDOWN_GRACE_MS });
      await Promise.all([app.close(), probePool.end()]);
    },
    { role: 'web app', logger, hardLimitMs: config.WEB_DRAIN_DELAY_MS + config.WEB_SHUTDOWN_GRACE_MS + 5_000 },
  );
}

main().catch((error: unknown) => {
  const err = coerceError(error);
  if (err instanceof ConfigError || err.name === 'DatabaseUnreachableError') process.stderr.write(`${err.message}\n`);
  else logger.fatal({ err }, 'web app failed to start');
  process.exit(1);
});
