import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import type { PlatformSettings } from './get-platform-settings';

const MAX_CAPACITY = 10_000;
const capacity = z.coerce
  .number({ error: 'Enter a whole number' })
  .int('Enter a whole number')
  .min(1, 'At least 1')
  .max(MAX_CAPACITY, `At most ${MAX_CAPACITY}`);

export const platformSettingsInput = z.object({
  maxWorkers: capacity,
  userSessionLimit: capacity,
  awsAccountNumber: z
    .string()
    .trim()
    .regex(/^(\d{12})?$/, 'An AWS account number has 12 digits')
    .nullish()
    .transform((value) => value || null),
});

/** Saves the one settings row (id 1); the environment's defaults apply until then. */
export async function updatePlatformSettings(db: Db, input: unknown): Promise<PlatformSettings> {
  const data = platformSettingsInput.parse(input);
  const row = await db.platformSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  return { maxWorkers: row.maxWorkers, userSessionLimit: row.userSessionLimit, awsAccountNumber: row.awsAccountNumber };
}
