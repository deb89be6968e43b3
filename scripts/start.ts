// `npm start`: the whole product on one machine. Without DATABASE_URL it runs an
// embedded PostgreSQL in DATA_DIR; without AWS_ENDPOINT_URL_SQS an SQS emulator with a
// demo queue. Then it migrates, seeds local demo data, builds the web app if needed,
// and supervises the web app and the worker (the roles' own bundles, as `npm run
// start:web` and `start:worker` run them) until Ctrl-C. Local mode listens on HOST
// (127.0.0.1 by default): the web app, the emulator and the worker's metrics.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, parseEnv, type Env } from '@/lib/env';
import { checkDatabase } from '@/lib/db/check-database';
import { migrate } from '@/lib/db/migrate';
import { loadOrCreateAuthSecret } from '@/lib/local/auth-secret';
import { ensureAppBuilt } from '@/lib/local/build-app';
import { buildRoles, nodeArgsOf } from '@/lib/local/build-roles';
import { startChild } from '@/lib/local/child-process';
import { startEmbeddedPostgres } from '@/lib/local/embedded-postgres';
import { workerEnvOf } from '@/lib/local/worker-env';
import { assertLocalModeHost } from '@/lib/local/assert-local-mode-host';
import { isPortInUse } from '@/lib/local/ports';
import { DEMO_LOGIN } from '@/lib/local/demo-data';
import { LOCAL_SQS_CREDENTIALS, startSqsEmulator } from '@/lib/local/sqs-emulator';
import { superviseChild } from '@/lib/local/supervise-child';
import { waitForHttp } from '@/lib/local/wait-for-http';
import { coerceError } from '@/lib/logger';

const ROOT = path.resolve(import.meta.dirname, '..');
const cleanups: Array<() => Promise<void>> = [];
let shuttingDown: Promise<void> | undefined;

function say(line: string): void {
  process.stdout.write(`[start]  ${line}\n`);
}

class StartError extends Error {}

async function main(): Promise<void> {
  const config = parseEnv();
  const sqsEmulatorPort = Number(process.env.SQS_EMULATOR_PORT ?? 4566);
  // Without an SQS endpoint this is local mode, with the emulator started below.
  const networkWarning = assertLocalModeHost({ ...config, AWS_ENDPOINT_URL_SQS: config.AWS_ENDPOINT_URL_SQS ?? 'http://127.0.0.1' }, config.HOST);
  if (await isPortInUse(config.PORT)) {
    throw new StartError(`Port ${config.PORT} is already in use: stop what runs there or set PORT to a free port.`);
  }
  if (!config.AWS_ENDPOINT_URL_SQS && (await isPortInUse(sqsEmulatorPort))) {
    throw new StartError(`Port ${sqsEmulatorPort} for the local SQS emulator is in use: set SQS_EMULATOR_PORT to a free port.`);
  }
  if (config.WORKER_METRICS_PORT && (await isPortInUse(config.WORKER_METRICS_PORT))) {
    throw new StartError(`Port ${config.WORKER_METRICS_PORT} for the worker's metrics is in use: set WORKER_METRICS_PORT to a free port.`);
  }
  const dataDir = path.resolve(ROOT, config.DATA_DIR);
  await mkdir(dataDir, { recursive: true });
  const appUrl = config.APP_URL ?? `http://localhost:${config.PORT}`;

  await ensureAppBuilt(() => say('Building the web app (next build): about a minute, only when the sources changed…'));
  await buildRoles();

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_FORMAT: 'json',
    APP_URL: appUrl,
    HOST: config.HOST,
    // The worker's metrics listen where the web app does, unless set apart.
    WORKER_METRICS_HOST: process.env.WORKER_METRICS_HOST || config.HOST,
    BETTER_AUTH_SECRET: config.BETTER_AUTH_SECRET ?? (await loadOrCreateAuthSecret(dataDir)),
  };

  childEnv.DATABASE_URL = config.DATABASE_URL ?? (await startLocalDatabase(dataDir));
  await checkDatabase(childEnv.DATABASE_URL);
  const applied = await migrate(childEnv.DATABASE_URL);
  if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);

  const local = config.AWS_ENDPOINT_URL_SQS ? undefined : await startSqsEmulator(sqsEmulatorPort, config.HOST);
  if (local) {
    cleanups.unshift(() => local.stop());
    childEnv.AWS_ENDPOINT_URL_SQS = local.endpoint;
    childEnv.LOCAL_MODE = '1';
    childEnv.AWS_ACCESS_KEY_ID ??= LOCAL_SQS_CREDENTIALS.accessKeyId;
    childEnv.AWS_SECRET_ACCESS_KEY ??= LOCAL_SQS_CREDENTIALS.secretAccessKey;
  }

  // Seeding uses the app's own modules, which read the final configuration.
  const { NODE_ENV: _childNodeEnv, ...configForSeeding } = childEnv;
  Object.assign(process.env, configForSeeding);
  const { seedDemo } = await import('@/lib/local/seed-demo');
  const { db } = await import('@/lib/db/client');
  if (local) await seedDemo(db(), appUrl);
  await db().$disconnect();

  // A child that crashes is restarted with backoff; one that keeps crashing stops everything.
  const supervise = (name: string, command: string, args: string[], env: NodeJS.ProcessEnv) =>
    superviseChild({
      name,
      start() {
        const child = startChild(name, command, args, env);
        say(`${name} started (pid ${child.process.pid})`);
        return child;
      },
      say,
      onGiveUp: () => void shutdown(1),
    });
  const children = [
    // One person's machine: Ctrl-C need not wait for load balancers to move away.
    supervise('web', process.execPath, nodeArgsOf('web'), { ...childEnv, WEB_DRAIN_DELAY_MS: '0' }),
    supervise('worker', process.execPath, nodeArgsOf('worker'), workerEnvOf(childEnv)),
  ];
  cleanups.unshift(async () => {
    await Promise.all(children.map((child) => child.stop()));
  });

  const reachAt = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  await waitForHttp(`http://${reachAt.includes(':') ? `[${reachAt}]` : reachAt}:${config.PORT}/api/health/ready`, 60_000);
  printBanner(config, appUrl, local, childEnv.WORKER_METRICS_HOST ?? config.HOST, networkWarning);
}

async function startLocalDatabase(dataDir: string): Promise<string> {
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'postgres'),
    onLog: (line) => {
      if (!shuttingDown && /\b(ERROR|FATAL|PANIC)\b|left running/.test(line)) process.stdout.write(`[postgres] ${line}\n`);
    },
  });
  cleanups.push(() => cluster.stop());
  await cluster.createDatabase('eventflows');
  return cluster.urlFor('eventflows');
}

function printBanner(
  config: Env,
  appUrl: string,
  local: Awaited<ReturnType<typeof startSqsEmulator>> | undefined,
  metricsHost: string,
  networkWarning: string | undefined,
): void {
  const lines = [
    '',
    'Event Flows is running.',
    `  Web app        ${appUrl}  (listening on ${config.HOST})`,
    `  SQS endpoint   ${local?.endpoint ?? config.AWS_ENDPOINT_URL_SQS ?? `AWS (${config.AWS_REGION})`}${local ? '  (local emulator, messages kept in memory)' : ''}`,
  ];
  if (local) {
    lines.push(`  Demo queue     ${local.demoQueueUrl}`, `  Demo DLQ       ${local.demoDlqUrl}`);
    lines.push(`  Demo login     ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  }
  lines.push(`  Worker metrics http://${metricsHost}:${config.WORKER_METRICS_PORT}/metrics`, '');
  if (local) {
    lines.push(
      networkWarning
        ? `WARNING: ${networkWarning}`
        : `Local mode is for the people of this machine: it listens on ${config.HOST} only, and any of its users can connect any local queue (no roles).`,
      '',
    );
  }
  lines.push('Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n') + '\n');
}

async function shutdown(exitCode: number): Promise<void> {
  shuttingDown ??= (async () => {
    say('Stopping…');
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    say('Stopped.');
    process.exit(exitCode);
  })();
  return shuttingDown;
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

main().catch(async (error: unknown) => {
  const message =
    error instanceof ConfigError || error instanceof StartError || (error instanceof Error && error.name === 'DatabaseUnreachableError')
      ? error.message
      : `Could not start: ${coerceError(error).message}`;
  process.stderr.write(`${message}\n`);
  await shutdown(1);
});
