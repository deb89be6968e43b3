import { z } from 'zod';
import { splitAllowedNetworks } from '@/lib/outgoing-http/egress-policy';
import type { Db } from '@/lib/db/client';
import { runRetentionHoursSchema } from '@/lib/runs/run-retention';
import { getPlatformSettings, settingsFromRow, type PlatformSettings } from './get-platform-settings';

const wholeNumber = (max: number) =>
  z.coerce.number({ error: 'Enter a whole number' }).int('Enter a whole number').min(1, 'At least 1').max(max, `At most ${max.toLocaleString('en')}`);

export const platformSettingsInput = z.object({
  maxWorkers: wholeNumber(10_000),
  userSessionLimit: wholeNumber(10_000),
  userQueueLimit: wholeNumber(1_000_000),
  platformQueueLimit: wholeNumber(10_000_000),
  defaultMaxAttempts: wholeNumber(20),
  queuedRunExpiryHours: wholeNumber(24 * 14),
  awsAccountNumber: z
    .string()
    .trim()
    .regex(/^(\d{12})?$/, 'An AWS account number has 12 digits')
    .nullish()
    .transform((value) => value || null),
  algorithmAllowedNetworks: z
    .string()
    .max(4000, 'At most 4,000 characters')
    .transform((text) => splitAllowedNetworks(text))
    .refine((parsed) => !parsed.invalid, { error: 'Enter CIDRs like 10.0.0.0/8 or host names, separated by commas or new lines' })
    .transform((parsed) => parsed.entries.join('\n')),
  userFlowLimit: wholeNumber(100_000),
  userDataQuotaMb: wholeNumber(10_000_000),
  userCollectionLimit: wholeNumber(100_000),
  runRetentionHours: runRetentionHoursSchema,
});

/**
 * Saves the one settings row (id 1); the environment's defaults apply until then. A field
 * left out keeps its current value.
 */
export async function updatePlatformSettings(db: Db, input: unknown): Promise<PlatformSettings> {
  const changes = platformSettingsInput.partial().parse(input);
  const data = { ...(await getPlatformSettings(db)), ...changes };
  return settingsFromRow(await db.platformSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data }));
}
