import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

export type Db = PrismaClient;

// The pools behind each client, for the few hot paths that talk to PostgreSQL directly
// (one round trip, no query compiler): admitting, claiming and finishing runs. Kept on
// the process, as the client is (below): Next.js's production server loads this module
// once for its pages and once for its route handlers, and the client one of them made
// must be found by the other ("Not a client made by createDb" once a page had made it first).
const globalForPools = globalThis as unknown as { eventFlowsDbPools?: WeakMap<Db, DbPools> };
const pools = (globalForPools.eventFlowsDbPools ??= new WeakMap<Db, DbPools>());

interface DbPools {
  shared: pg.Pool;
  genericPlans: pg.Pool;
}

// Claims and finishes go one at a time per process (the executor's loop, batchWhileBusy).
const GENERIC_PLAN_CONNECTIONS = 2;

export function createDb(databaseUrl: string): Db {
  const shared = new pg.Pool({ connectionString: databaseUrl });
  const genericPlans = new pg.Pool({
    connectionString: databaseUrl,
    max: GENERIC_PLAN_CONNECTIONS,
    options: '-c plan_cache_mode=force_generic_plan',
    // Never what keeps a stopping process alive: Prisma ends the shared pool, not this one.
    allowExitOnIdle: true,
  });
  // An idle connection dropped by the server (a restart) must not crash the process; the
  // next query on the pool gets a fresh connection or reports the error itself.
  for (const pool of [shared, genericPlans]) pool.on('error', () => undefined);
  const client = new PrismaClient({ adapter: new PrismaPg(shared, { disposeExternalPool: true }) });
  pools.set(client, { shared, genericPlans });
  return client;
}

function poolsOf(db: Db): DbPools {
  const found = pools.get(db);
  if (!found) throw new Error('Not a client made by createDb');
  return found;
}

/** The pg pool a client created with createDb uses. */
export function sqlPool(db: Db): pg.Pool {
  return poolsOf(db).shared;
}

/**
 * Connections that always run a named statement's generic plan, planned once per
 * connection: for the executor's claim and finish, whose array parameters PostgreSQL
 * cannot size ahead, so that by default it planned `finish-runs` anew on every call
 * (1.7 ms a call, pg_stat_statements). Prisma's queries stay on the shared pool's default:
 * a generic plan cannot pick a partial index by a parameter's value.
 */
export function genericPlanPool(db: Db): pg.Pool {
  return poolsOf(db).genericPlans;
}

// One client per process; cached on globalThis so `next dev` reloads do not leak pools.
const globalForDb = globalThis as unknown as { eventFlowsDb?: Db };

export function db(): Db {
  if (!globalForDb.eventFlowsDb) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set (npm start sets it in local mode)');
    globalForDb.eventFlowsDb = createDb(url);
  }
  return globalForDb.eventFlowsDb;
}
