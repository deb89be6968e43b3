// The web role: the Next.js app's production build (`output: 'standalone'`) served by
// web/server.ts on HOST:PORT. No build, no migration, no seeding here: those are other
// roles' work (`npm run build`, `npm run migrate`, `npm start` in local mode).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ConfigError, env, proxyTrustOf } from '@/lib/env';
import { coerceError, logger } from '@/lib/logger';
import { exitOnShutdownSignal } from '@/lib/process/exit-on-shutdown-signal';
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
  const app = await loadApp(config.HOST, config.PORT);
  const server = await startWebServer({ host: config.HOST, port: config.PORT, trust: proxyTrustOf(config), handle: app.getRequestHandler(), logger });
  logger.info({ host: config.HOST, port: server.port }, 'web app listening');
  exitOnShutdownSignal(
    async () => {
      await server.stop({ drainDelayMs: config.WEB_DRAIN_DELAY_MS, graceMs: config.WEB_SHUTDOWN_GRACE_MS });
      await app.close();
    },
    { role: 'web app', logger, hardLimitMs: config.WEB_DRAIN_DELAY_MS + config.WEB_SHUTDOWN_GRACE_MS + 5_000 },
  );
}

main().catch((error: unknown) => {
  const err = coerceError(error);
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else logger.fatal({ err }, 'web app failed to start');
  process.exit(1);
});
