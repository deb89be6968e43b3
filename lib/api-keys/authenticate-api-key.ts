import { sqlPool, type Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { hashApiKey } from './api-key-secret';

const LAST_USED_PRECISION_SECONDS = 60;

// Read on every algorithm API call (a hot path): a named statement through pg.
const READ_API_KEY = {
  name: 'read-api-key',
  text: `
    SELECT k."id", k."revokedAt" IS NOT NULL AS "revoked", u."id" AS "userId", u."username",
      (k."lastUsedAt" IS NULL OR k."lastUsedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => $2)) AS "lastUsedIsStale"
    FROM "ApiKey" k JOIN "User" u ON u."id" = k."userId" WHERE k."keyHash" = $1`,
};

/** Resolves `Authorization: Simple <key>` or `Bearer <key>` to the key's owner. */
export async function authenticateApiKey(db: Db, authorization: string | null) {
  const match = /^(?:Simple|Bearer)\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) throw new AppError('UNAUTHENTICATED', 'Send an API key: Authorization: Simple <key>');
  const {
    rows: [key],
  } = await sqlPool(db).query<{ id: string; revoked: boolean; userId: string; username: string; lastUsedIsStale: boolean }>({
    ...READ_API_KEY,
    values: [hashApiKey(match[1]), LAST_USED_PRECISION_SECONDS],
  });
  if (!key || key.revoked) throw new AppError('UNAUTHENTICATED', 'Invalid API key');
  // At most one write a minute per key: a write per call would add a round trip to every
  // algorithm API call for a "last used" that needs no finer precision.
  if (key.lastUsedIsStale) await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  return { id: key.userId, username: key.username };
}
