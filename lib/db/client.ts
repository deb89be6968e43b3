import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

export type Db = PrismaClient;

export function createDb(databaseUrl: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
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
