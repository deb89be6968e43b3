import type { Db } from '@/lib/db/client';

/** The platform's own AWS account number, as an admin set it in the platform settings (or null). */
export async function readPlatformAccountNumber(db: Db): Promise<string | null> {
  const settings = await db.platformSettings.findUnique({ where: { id: 1 }, select: { awsAccountNumber: true } });
  return settings?.awsAccountNumber ?? null;
}
