import type { Db } from '@/lib/db/client';
import { settingsFromRow, type PlatformSettings } from '@/lib/settings/get-platform-settings';
import { admissionLimits } from './admission-limits';

/** How many messages of a flow would be admitted now (the rule admission applies, read without its lock). */
export async function readAdmissionRoom(db: Db, flowId: string): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ total: number; mine: number; settings: Partial<PlatformSettings> | null }>>`
    SELECT
      (SELECT count(*)::int FROM "AlgorithmRun" WHERE "status" = 'QUEUED') AS total,
      (SELECT count(*)::int FROM "AlgorithmRun" r JOIN "EventFlow" f ON f."creatorId" = r."callerId"
        WHERE f."id" = ${flowId} AND r."status" = 'QUEUED') AS mine,
      (SELECT row_to_json(s) FROM "PlatformSettings" s WHERE s."id" = 1) AS settings`;
  return admissionLimits('QUEUED', settingsFromRow(row?.settings ?? null), { total: row?.total ?? 0, mine: row?.mine ?? 0 }).room;
}
