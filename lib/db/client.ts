import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

export type Db = PrismaClient;

// The pool behind each client, for the few hot paths that talk to PostgreSQL directly
// (one round trip, no query compiler): claiming and finishing runs. Kept on the process,
// as the client is (below): Next.js's production server loads this module once for its
// pages and once for its route handlers, and the client one of them made must be found
// by the other ("Not a client made by createDb" once a page had made it first).
const globalForPools = globalThis as unknown as { eventFlowsDbPools?: WeakMap<Db, pg.Pool> };
const pools = (globalForPools.eventFlowsDbPools ??= new WeakMap<Db, pg.Pool>());

export function createDb(databaseUrl: string): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // An idle connection dropped by the server (a restart) must not crash the process; the
  // next query on the pool gets a fresh connection or reports the error itself.
  pool.on('error', () => undefined);
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/** The pg pool a client created with createDb uses. */
export function sqlPool(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('Not a client made by createDb');
  return pool;
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
