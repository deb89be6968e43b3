import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { generateApiKey, hashApiKey } from './api-key-secret';
import type { CreatedApiKey } from './api-key-view';

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, 'Give the key a name').max(64, 'At most 64 characters'),
});

/** Creates a key and returns its secret: the only time the secret is visible. */
export async function createApiKey(db: Db, userId: string, input: unknown): Promise<CreatedApiKey> {
  const { name } = createApiKeyInput.parse(input);
  const key = generateApiKey();
  const row = await db.apiKey.create({
    data: { userId, name, prefix: key.slice(0, 10), keyHash: hashApiKey(key) },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  return { ...row, createdAt: row.createdAt.toISOString(), key };
}
