import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { notifyAlgorithmFlows } from '@/lib/flows/notify-algorithm-flows';
import { getAlgorithmForOwner } from './get-algorithm-for-owner';

/**
 * Deletes a published version of the user's algorithm owner/name, when none of its runs is
 * waiting or running (CONFLICT otherwise: they would have nothing to run). Its finished runs
 * stay, with the version's string kept on them. The algorithm's connections are told: one
 * pinned to this version, or left with no version at all, goes to ERROR saying why.
 *
 * Race-free without a lock of its own: the version's row is locked first, so no run of it
 * can be admitted meanwhile (the run's foreign key waits for the lock, then finds the
 * version gone), and its runs' rows are locked by the update that keeps their version,
 * so a replay or a claim either comes before (and the run counts as waiting) or after.
 */
export async function deleteVersion(db: Db, userId: string, owner: string, name: string, version: string): Promise<void> {
  const algorithm = await getAlgorithmForOwner(db, userId, owner, name);
  await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "AlgorithmVersion" WHERE "algorithmId" = ${algorithm.id} AND "version" = ${version} FOR UPDATE`;
    if (!row) throw new AppError('NOT_FOUND', `${owner}/${name} has no version ${version}`);
    const [{ active } = { active: 0 }] = await tx.$queryRaw<Array<{ active: number }>>`
      WITH kept AS (
        UPDATE "AlgorithmRun" SET "versionId" = NULL, "deletedVersion" = ${version}
        WHERE "algorithmId" = ${algorithm.id} AND "versionId" = ${row.id}
        RETURNING "status"
      )
      SELECT count(*) FILTER (WHERE "status" IN ('QUEUED', 'RUNNING'))::int AS active FROM kept`;
    if (active > 0) {
      throw new AppError(
        'CONFLICT',
        `Version ${version} has ${active} ${active === 1 ? 'run' : 'runs'} waiting or running. Delete it once they have finished (pause the connections that run it to stop new ones).`,
      );
    }
    await tx.algorithmVersion.delete({ where: { id: row.id } });
    await notifyAlgorithmFlows(tx, algorithm.id);
  });
}
