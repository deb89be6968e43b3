// The migrate role (`npm run migrate`): applies the pending migrations of this build to
// DATABASE_URL and exits 0. Safe to start from several replicas at once: lib/db/migrate.ts
// takes Prisma's advisory lock, so each migration is applied once.
import { ConfigError, env } from '@/lib/env';
import { checkDatabase } from '@/lib/db/check-database';
import { migrate } from '@/lib/db/migrate';
import { coerceError, logger } from '@/lib/logger';

async function main(): Promise<void> {
  const { DATABASE_URL } = env();
  if (!DATABASE_URL) throw new ConfigError('DATABASE_URL is not set: the migrate role needs the database to migrate');
  await checkDatabase(DATABASE_URL);
  const applied = await migrate(DATABASE_URL);
  logger.info({ applied }, applied.length ? `applied ${applied.length} migrations` : 'the database schema is current');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const err = coerceError(error);
    if (err instanceof ConfigError || err.name === 'DatabaseUnreachableError') process.stderr.write(`${err.message}\n`);
    else logger.fatal({ err }, 'migration failed');
    process.exit(1);
  },
);
