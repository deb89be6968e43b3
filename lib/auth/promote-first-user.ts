import type { Db } from '@/lib/db/client';

// The first account of an installation administers it. Deciding that by counting users
// before the insert lets two simultaneous sign-ups both see zero (issue 14), so it is
// decided after the insert, one sign-up at a time (a transaction-scoped advisory lock):
// the earliest account becomes the admin, unless there is one already.

const FIRST_ADMIN_LOCK = 7_314_001; // any constant key unique to this purpose

export async function promoteIfFirstUser(db: Db, userId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`;
    const promoted = await tx.$executeRaw`
      UPDATE "User" SET role = 'ADMIN'
      WHERE id = ${userId}
        AND NOT EXISTS (SELECT 1 FROM "User" WHERE role = 'ADMIN')
        AND id = (SELECT id FROM "User" ORDER BY "createdAt", id LIMIT 1)`;
    return promoted === 1;
  });
}
