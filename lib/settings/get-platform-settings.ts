import type { Db } from '@/lib/db/client';
import { env } from '@/lib/env';

export interface PlatformSettings {
  /** Runs executing at once, platform-wide ("maximum number of workers"). */
  maxWorkers: number;
  /** Runs executing at once for one user. */
  userSessionLimit: number;
  /** Runs waiting to execute, per user: beyond it admission answers 429. */
  userQueueLimit: number;
  /** Runs waiting to execute, platform-wide. */
  platformQueueLimit: number;
  /** Attempts per run of flows that set no retry policy (and of async API runs). */
  defaultMaxAttempts: number;
  /** A run still queued after this many hours is EXPIRED. */
  queuedRunExpiryHours: number;
  awsAccountNumber: string | null;
}

/** The settings until an admin saves them: the environment's defaults. */
export function defaultPlatformSettings(): PlatformSettings {
  const config = env();
  return {
    maxWorkers: config.MAX_WORKERS,
    userSessionLimit: config.USER_SESSION_LIMIT,
    userQueueLimit: config.USER_QUEUE_LIMIT,
    platformQueueLimit: config.PLATFORM_QUEUE_LIMIT,
    defaultMaxAttempts: config.RUN_MAX_ATTEMPTS,
    queuedRunExpiryHours: config.QUEUED_RUN_EXPIRY_HOURS,
    awsAccountNumber: null,
  };
}

/** The admin's row, else the environment's defaults. */
export async function getPlatformSettings(db: Pick<Db, 'platformSettings'>): Promise<PlatformSettings> {
  const row = await db.platformSettings.findUnique({ where: { id: 1 } });
  if (!row) return defaultPlatformSettings();
  const { id: _id, updatedAt: _updatedAt, ...settings } = row;
  return settings;
}
