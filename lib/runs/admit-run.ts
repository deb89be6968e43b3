import { batchWhileBusy } from '@/lib/async/batch-while-busy';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { admitRuns, type Admission, type RunBatch } from './admit-runs';

export interface AdmittedRun {
  id: string;
  status: string;
}

type RunRequest = Omit<RunBatch, 'eventFlowId'> & { input: unknown };
type Answer = { admission: Admission; retryAfterSeconds?: number } | { error: unknown };

// Calls that arrive while the process is admitting others wait and are admitted together,
// one admission per set of calls with the same batch fields. Every admission takes the
// platform-wide admission lock, and the hand-offs of that lock between waiting
// transactions bounded the API at about 330 calls/s with 20 connections (bench:api): a
// group takes it once. One group failing fails only its own calls. At most 20 calls a
// round: 20 inputs of the largest size (MAX_ALGO_INPUT_BYTES) stay far below PostgreSQL's
// 1 GB limit on one statement.
const MAX_CALLS_PER_ROUND = 20;
const admitters = new WeakMap<Db, (request: RunRequest) => Promise<Answer>>();

/** Creates one run (the algorithm API) if there is room; throws TOO_MANY_REQUESTS with a Retry-After otherwise. */
export async function admitRun(db: Db, request: RunRequest): Promise<AdmittedRun> {
  let admit = admitters.get(db);
  if (!admit) admitters.set(db, (admit = batchWhileBusy((requests) => admitTogether(db, requests), MAX_CALLS_PER_ROUND)));
  const answer = await admit(request);
  if ('error' in answer) throw answer.error;
  const { admission, retryAfterSeconds } = answer;
  if (!admission.admitted) throw new AppError('TOO_MANY_REQUESTS', admission.reason, undefined, { retryAfterSeconds });
  return { id: admission.runId, status: admission.status };
}

async function admitTogether(db: Db, requests: RunRequest[]): Promise<Answer[]> {
  // Only calls whose batch fields are all the same share an admission.
  const groups = new Map<string, { batch: Omit<RunRequest, 'input'>; indexes: number[] }>();
  requests.forEach(({ input: _, ...batch }, index) => {
    const key = JSON.stringify(batch);
    const group = groups.get(key) ?? { batch, indexes: [] };
    group.indexes.push(index);
    groups.set(key, group);
  });
  const answers: Answer[] = [];
  await Promise.all(
    [...groups.values()].map(async ({ batch, indexes }) => {
      try {
        const { admissions, retryAfterSeconds } = await admitRuns(db, batch, indexes.map((index) => ({ input: requests[index]!.input })));
        indexes.forEach((index, i) => (answers[index] = { admission: admissions[i]!, retryAfterSeconds }));
      } catch (error) {
        for (const index of indexes) answers[index] = { error };
      }
    }),
  );
  return answers;
}
