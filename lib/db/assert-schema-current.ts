import pg from 'pg';
import { ConfigError } from '@/lib/env';
import { findPendingMigrations } from './find-pending-migrations';
import { readMigrations } from './migrate';

/**
 * For the roles that use the database but never change its schema (web, worker): they
 * refuse to start on a database that lacks this build's migrations, rather than fail on
 * the first query that needs one. Returns the build's migration names.
 */
export async function assertSchemaCurrent(databaseUrl: string): Promise<string[]> {
  const names = (await readMigrations()).map((migration) => migration.name);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const pending = await findPendingMigrations(client, names);
    if (pending.length > 0) {
      throw new ConfigError(
        `The database schema is behind this build: ${pending.length} migration${pending.length === 1 ? '' : 's'} not applied (${pending.join(', ')}). Run npm run migrate first.`,
      );
    }
    return names;
  } finally {
    await client.end().catch(() => undefined);
  }
}
