import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';

export async function revokeApiKey(db: Db, userId: string, keyId: string): Promise<void> {
  const { count } = await db.apiKey.updateMany({
    where: { id: keyId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError('NOT_FOUND', 'No such API key');
}
