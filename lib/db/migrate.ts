import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

// Applies prisma/migrations without Prisma's schema engine (it cannot be downloaded
// here). Each migration is recorded in _prisma_migrations exactly as `prisma migrate
// deploy` does (same table, sha256 checksum of the file), under the advisory lock Prisma
// itself takes, so the web app, the worker and Prisma's own CLI never apply one twice.

const PRISMA_ADVISORY_LOCK = 72707369;
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** The oldest PostgreSQL the product runs on: admission makes run ids with uuidv7() (lib/runs/admit-runs.ts). */
export const MINIMUM_POSTGRES = { versionNum: 180000, name: '18' };

/** Refuses an older server at migrate, in plain words, rather than failing every admission later. */
export async function assertServerVersion(client: pg.Client, minimum = MINIMUM_POSTGRES): Promise<void> {
  const { rows } = await client.query<{ num: number; version: string }>(
    "SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS version",
  );
  const server = rows[0]!;
  if (server.num < minimum.versionNum) {
    throw new MigrationError(`Event Flows needs PostgreSQL ${minimum.name} or later (run ids are made with uuidv7()); this server is ${server.version}`);
  }
}

/** Applies pending migrations; returns the names applied now. Safe to call concurrently. */
export async function migrate(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await assertServerVersion(client);
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const recorded = new Map(rows.map((r) => [r.migration_name, r]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const row = recorded.get(migration.name);
      if (row?.finished_at) {
        if (row.checksum !== migration.checksum) {
          throw new MigrationError(`Migration ${migration.name} was changed after it was applied`);
        }
        continue;
      }
      if (row) throw new MigrationError(`Migration ${migration.name} failed earlier; fix the database, then mark it rolled back`);
      await applyOne(client, migration);
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => undefined);
    await client.end();
  }
}

async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  const id = randomUUID();
  await client.query(
    'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
    [id, migration.checksum, migration.name],
  );
  try {
    await client.query('BEGIN');
    await client.query(migration.sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    // Leave no half-recorded row: the migration did not happen.
    await client.query('DELETE FROM "_prisma_migrations" WHERE id = $1', [id]);
    throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
  }
  await client.query(
    'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
    [id],
  );
}
