import type { Db } from '@/lib/db/client';
import { env } from '@/lib/env';

export interface PlatformSettings {
  maxWorkers: number;
  userSessionLimit: number;
  awsAccountNumber: string | null;
}

/** The capacity settings: the admin's row, else the environment's defaults. */
export async function getPlatformSettings(db: Pick<Db, 'platformSettings'>): Promise<PlatformSettings> {
  const row = await db.platformSettings.findUnique({ where: { id: 1 } });
  if (row) return { maxWorkers: row.maxWorkers, userSessionLimit: row.userSessionLimit, awsAccountNumber: row.awsAccountNumber };
  return { maxWorkers: env().MAX_WORKERS, userSessionLimit: env().USER_SESSION_LIMIT, awsAccountNumber: null };
}
