import { batchWhileBusy } from '@/lib/async/batch-while-busy';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { admitRuns, type AdmissionResult, type RunBatch, type RunItem } from './admit-runs';

export interface AdmittedRun {
  id: string;
  status: string;
}

interface AdmissionCall {
  batch: RunBatch;
  items: RunItem[];
}
type Answer = { result: AdmissionResult } | { error: unknown };

// Calls that arrive while the process is admitting others wait and are admitted together,
// one admission per set of calls with the same batch fields (API calls of one caller and
// version; SQS batches of one flow). Every admission takes the platform-wide admission
// lock, and the hand-offs of that lock between waiting transactions bounded the API at
// about 330 calls/s with 20 connections (bench:api): a group takes it once. At most 20
// calls a round: 20 of the largest (an API input of MAX_ALGO_INPUT_BYTES, a received batch
// of MAX_FLOW_ENTRY_BYTES) stay far below PostgreSQL's 1 GB limit on one statement.
const MAX_CALLS_PER_ROUND = 20;
const admitters = new WeakMap<Db, (call: AdmissionCall) => Promise<Answer>>();

/**
 * Admits the items of one call (see admitRuns), together with the calls that arrive
 * meanwhile. Each call gets the answers of its own items, in order.
 */
export async function admitRunsTogether(db: Db, batch: RunBatch, items: RunItem[]): Promise<AdmissionResult> {
  let admit = admitters.get(db);
  if (!admit) admitters.set(db, (admit = batchWhileBusy((calls) => admitGroups(db, calls), MAX_CALLS_PER_ROUND)));
  const answer = await admit({ batch, items });
  if ('error' in answer) throw answer.error;
  return answer.result;
}

/** Creates one run (the algorithm API) if there is room; throws TOO_MANY_REQUESTS with a Retry-After otherwise. */
export async function admitRun(db: Db, { input, ...batch }: Omit<RunBatch, 'eventFlowId'> & { input: unknown }): Promise<AdmittedRun> {
  const { admissions, retryAfterSeconds } = await admitRunsTogether(db, batch, [{ input }]);
  const admission = admissions[0]!;
  if (!admission.admitted) throw new AppError('TOO_MANY_REQUESTS', admission.reason, undefined, { retryAfterSeconds });
  return { id: admission.runId, status: admission.status };
}

async function admitGroups(db: Db, calls: AdmissionCall[]): Promise<Answer[]> {
  // Only calls whose batch fields are all the same share an admission.
  const groups = new Map<string, AdmissionCall[]>();
  for (const call of calls) {
    const key = JSON.stringify(call.batch);
    groups.set(key, [...(groups.get(key) ?? []), call]);
  }
  const answers = new Map<AdmissionCall, Answer>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      try {
        const { admissions, ...rest } = await admitRuns(db, group[0]!.batch, group.flatMap((call) => call.items));
        let offset = 0;
        for (const call of group) {
          answers.set(call, { result: { ...rest, admissions: admissions.slice(offset, (offset += call.items.length)) } });
        }
      } catch (error) {
        // Nothing of a failed admission was kept: each call is tried again on its own, so
        // one that cannot be admitted fails alone, never the calls that came with it.
        if (group.length === 1) return void answers.set(group[0]!, { error });
        await Promise.all(group.map(async (call) => answers.set(call, (await admitGroups(db, [call]))[0]!)));
      }
    }),
  );
  return calls.map((call) => answers.get(call)!);
}
