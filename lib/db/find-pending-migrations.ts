import type pg from 'pg';

const UNDEFINED_TABLE = '42P01';

/**
 * The migrations of this build (their folder names) that the database has not applied:
 * empty when its schema is current. Migrations the database has and this build does not
 * know (a newer release migrated first) do not count: they stay backward compatible.
 */
export async function findPendingMigrations(database: pg.Pool | pg.Client, migrationNames: readonly string[]): Promise<string[]> {
  const applied = await database
    .query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
    .then(
      ({ rows }) => new Set(rows.map((row) => row.migration_name)),
      (error: unknown) => {
        // Never migrated at all.
        if ((error as { code?: string }).code === UNDEFINED_TABLE) return new Set<string>();
        throw error;
      },
    );
  return migrationNames.filter((name) => !applied.has(name));
}
