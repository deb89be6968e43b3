import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import chromium from '@sparticuz/chromium';
import { startFauxqs } from 'fauxqs';
import type { TestProject } from 'vitest/node';
import { migrate } from '@/lib/db/migrate';
import { ensureAppBuilt } from '@/lib/local/build-app';
import { buildRoles } from '@/lib/local/build-roles';
import { startEmbeddedPostgres } from '@/lib/local/embedded-postgres';

// One throwaway PostgreSQL cluster and one SQS emulator for the whole run. Each test
// file makes its own database from a migrated template (test/support/database.ts).

export const TEMPLATE_DATABASE = 'eventflows_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresPort: number;
    templateDatabase: string;
    sqsEndpoint: string;
  }
}

interface TestServices {
  postgresPort: number;
  sqsEndpoint: string;
  stop(): Promise<void>;
}

// The integration and browser projects share one set of services: the first project's
// setup starts them, the last teardown stops them (global setups run in vitest's own process).
const shared = globalThis as typeof globalThis & { eventFlowsTestServices?: { services: Promise<TestServices>; users: number } };

export default async function setup(project: TestProject) {
  shared.eventFlowsTestServices ??= { services: startServices(), users: 0 };
  const holder = shared.eventFlowsTestServices;
  holder.users++;
  const services = await holder.services;
  project.provide('postgresPort', services.postgresPort);
  project.provide('templateDatabase', TEMPLATE_DATABASE);
  project.provide('sqsEndpoint', services.sqsEndpoint);
  return async () => {
    if (--holder.users > 0) return;
    shared.eventFlowsTestServices = undefined;
    await services.stop();
  };
}

async function startServices(): Promise<TestServices> {
  const dir = await mkdtemp(path.join(tmpdir(), 'eventflows-test-'));
  await chmod(dir, 0o755);
  const stops: Array<() => Promise<void>> = [() => rm(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const each of stops) await each().catch(() => undefined);
  };
  try {
    const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres') });
    stops.unshift(() => cluster.stop());
    await cluster.createDatabase(TEMPLATE_DATABASE);
    await migrate(cluster.urlFor(TEMPLATE_DATABASE));
    const sqs = await startFauxqs({ port: 0, logger: false });
    stops.unshift(() => sqs.stop());

    // Worker and browser tests run the production builds; build them once, before any file starts.
    await buildRoles();
    await ensureAppBuilt(() => console.log('[test] building the web app for the browser tests…'));
    // Chromium is unpacked to /tmp once, here: files launching it in parallel each saw the
    // file appear while another one was still writing it (spawn ETXTBSY).
    await chromium.executablePath();
    return { postgresPort: cluster.port, sqsEndpoint: sqs.address, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
