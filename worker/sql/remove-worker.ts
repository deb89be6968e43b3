import type { Db } from '@/lib/db/client';

/** Forgets a stopped worker, so the others count it out of the fair share at once. */
export async function removeWorker(db: Db, workerId: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "WorkerProcess" WHERE "id" = ${workerId}`;
}
