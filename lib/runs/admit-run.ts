import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { admitRuns, type RunBatch } from './admit-runs';

export interface AdmittedRun {
  id: string;
  status: string;
}

/** Creates one run (the algorithm API) if there is room; throws TOO_MANY_REQUESTS with a Retry-After otherwise. */
export async function admitRun(db: Db, request: Omit<RunBatch, 'eventFlowId'> & { input: unknown }): Promise<AdmittedRun> {
  const { input, ...batch } = request;
  const { admissions, retryAfterSeconds } = await admitRuns(db, batch, [{ input }]);
  const [admission] = admissions;
  if (!admission?.admitted) {
    throw new AppError('TOO_MANY_REQUESTS', admission?.reason ?? 'The platform is over capacity; try again later', undefined, { retryAfterSeconds });
  }
  return { id: admission.runId, status: admission.status };
}
