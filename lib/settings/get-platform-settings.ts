import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { env } from '@/lib/env';

export const platformSettingsSchema = z.object({
  maxWorkers: z.number().int().describe('Runs executing at once, platform-wide ("maximum number of workers").'),
  userSessionLimit: z.number().int().describe('Runs executing at once for one user.'),
  userQueueLimit: z.number().int().describe('Runs waiting to execute, per user: beyond it admission answers 429.'),
  platformQueueLimit: z.number().int().describe('Runs waiting to execute, platform-wide.'),
  defaultMaxAttempts: z.number().int().describe('Attempts per run of flows that set no retry policy (and of async API runs).'),
  queuedRunExpiryHours: z.number().int().describe('A run still queued after this many hours is EXPIRED.'),
  awsAccountNumber: z.string().nullable().describe("The platform's 12-digit AWS account number (the CloudFormation template's default)."),
  algorithmAllowedNetworks: z.string().describe('"Private networks algorithms may use": CIDRs or host names, separated by commas or new lines.'),
  userFlowLimit: z.number().int().describe('Event flows one user may have.'),
  userDataQuotaMb: z.number().int().describe('Hosted data one user may store, in MB.'),
  userCollectionLimit: z.number().int().describe('Hosted data collections one user may have.'),
  runRetentionHours: z.number().int().describe('"Keep finished runs for": hours an ended run is kept before it is deleted, unless its connection sets its own.'),
}).meta({ id: 'PlatformSettings' });

export type PlatformSettings = z.infer<typeof platformSettingsSchema>;

// Columns added after the first settings: null until an admin saves them.
type NullUntilSaved = 'algorithmAllowedNetworks' | 'userFlowLimit' | 'userDataQuotaMb' | 'userCollectionLimit' | 'runRetentionHours';
type SettingsRow = { [K in keyof PlatformSettings]?: PlatformSettings[K] | (K extends NullUntilSaved ? null : never) };

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
    algorithmAllowedNetworks: config.ALGORITHM_ENDPOINT_ALLOWED_NETWORKS,
    userFlowLimit: config.USER_FLOW_LIMIT,
    userDataQuotaMb: config.USER_DATA_QUOTA_MB,
    userCollectionLimit: config.USER_COLLECTION_LIMIT,
    runRetentionHours: Math.round(config.RUN_RETENTION_DAYS * 24),
  };
}

/** The settings from the admin's row (or a raw SQL read of it), else the environment's defaults. */
export function settingsFromRow(row: SettingsRow | null): PlatformSettings {
  const defaults = defaultPlatformSettings();
  if (!row) return defaults;
  const pick = <K extends keyof PlatformSettings>(key: K): PlatformSettings[K] => (row[key] === undefined ? defaults[key] : (row[key] as PlatformSettings[K]));
  const orDefault = <K extends NullUntilSaved>(key: K): PlatformSettings[K] =>
    (row[key] ?? defaults[key]) as PlatformSettings[K];
  return {
    maxWorkers: pick('maxWorkers'),
    userSessionLimit: pick('userSessionLimit'),
    userQueueLimit: pick('userQueueLimit'),
    platformQueueLimit: pick('platformQueueLimit'),
    defaultMaxAttempts: pick('defaultMaxAttempts'),
    queuedRunExpiryHours: pick('queuedRunExpiryHours'),
    awsAccountNumber: pick('awsAccountNumber'),
    algorithmAllowedNetworks: orDefault('algorithmAllowedNetworks'),
    userFlowLimit: orDefault('userFlowLimit'),
    userDataQuotaMb: orDefault('userDataQuotaMb'),
    userCollectionLimit: orDefault('userCollectionLimit'),
    runRetentionHours: orDefault('runRetentionHours'),
  };
}

export async function getPlatformSettings(db: Pick<Db, 'platformSettings'>): Promise<PlatformSettings> {
  return settingsFromRow(await db.platformSettings.findUnique({ where: { id: 1 } }));
}
