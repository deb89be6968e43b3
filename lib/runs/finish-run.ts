import type { Db } from '@/lib/db/client';
import { addRunRollups } from '@/lib/flow-metrics/add-run-rollups';
import { Prisma } from '@/lib/generated/prisma/client';
import type { RunOutcome } from './call-algorithm-endpoint';

/** Records how a RUNNING run ended; false when it was no longer RUNNING (recovered meanwhile). */
export async function finishRun(db: Db, runId: string, outcome: RunOutcome, durationMs: number): Promise<boolean> {
  const { count } = await db.algorithmRun.updateMany({
    where: { id: runId, status: 'RUNNING' },
    data: {
      status: outcome.status,
      output: outcome.status === 'SUCCEEDED' ? toJson(outcome.output) : undefined,
      error: outcome.status === 'SUCCEEDED' ? null : outcome.error,
      finishedAt: new Date(),
      durationMs,
    },
  });
  if (count === 1) await addRunRollups(db, runId, outcome.status, durationMs); // issue 15: the connection page's run charts
  return count === 1;
}

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === null || value === undefined ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
}
