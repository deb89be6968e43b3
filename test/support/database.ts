import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '@/lib/db/client';

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

const CREDENTIALS = 'eventflows:eventflows';

export function clusterUrl(database: string): string {
  return `postgresql://${CREDENTIALS}@127.0.0.1:${inject('postgresPort')}/${database}`;
}

/** A fresh, migrated database of its own (copied from the run's template). */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: clusterUrl('postgres') });
  await admin.connect();
  const template = options.empty ? 'template0' : inject('templateDatabase');
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = clusterUrl(name);
  const db = createDb(url);
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      const client = new pg.Client({ connectionString: clusterUrl('postgres') });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
