import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { admitRuns, type RunBatch } from './admit-runs';

/** What a client told "over capacity" should wait before trying again. */
export const CAPACITY_RETRY_AFTER_SECONDS = 10;

export interface AdmittedRun {
  id: string;
  status: string;
}

/** Creates one run (the algorithm API) if capacity allows; throws TOO_MANY_REQUESTS otherwise. */
export async function admitRun(db: Db, request: Omit<RunBatch, 'eventFlowId'> & { input: unknown }): Promise<AdmittedRun> {
  const { input, ...batch } = request;
  const [admission] = await admitRuns(db, batch, [{ input }]);
  if (!admission?.admitted) throw new AppError('TOO_MANY_REQUESTS', admission?.reason ?? 'The platform is over capacity; try again later');
  return { id: admission.runId, status: admission.status };
}
