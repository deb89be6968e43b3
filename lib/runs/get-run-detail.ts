import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { attemptEntrySchema, attemptLogOf } from './attempt-log';
import { runSummarySchema, runSummarySelect, toRunSummary } from './run-summary';

export const runDetailSchema = runSummarySchema.extend({
  algorithm: z.object({ owner: z.string(), name: z.string() }),
  input: z.unknown().describe('The input: JSON, or a string.'),
  inputNote: z.string().nullable().describe('Why the input is the body as a string rather than its JSON, when it is.'),
  output: z.unknown().describe('The output (null until it succeeded).'),
  error: z.string().nullable(),
  timeoutSeconds: z.number().int(),
  attempt: z.number().int().describe('Attempts started.'),
  maxAttempts: z.number().int().describe('Attempts it may have (replaying a dead run grants more).'),
  attemptLog: z.array(attemptEntrySchema).describe("Each ended attempt (and replay), oldest first: a dead run's history of failures."),
}).meta({ id: 'Run' });

export type RunDetail = z.infer<typeof runDetailSchema>;

/** One run of an algorithm the caller owns; "not found" otherwise. */
export async function getRunDetail(db: Db, callerId: string, runId: string): Promise<RunDetail> {
  const row = await db.algorithmRun.findFirst({
    where: { id: runId, algorithm: { ownerId: callerId } },
    select: {
      ...runSummarySelect,
      input: true,
      inputNote: true,
      output: true,
      error: true,
      timeoutSeconds: true,
      attempt: true,
      maxAttempts: true,
      attemptLog: true,
      algorithm: { select: { name: true, owner: { select: { username: true } } } },
    },
  });
  if (!row) throw new AppError('NOT_FOUND', 'No such run');
  const { runRetentionHours } = await getPlatformSettings(db);
  return {
    ...toRunSummary(row, runRetentionHours),
    algorithm: { owner: row.algorithm.owner.username, name: row.algorithm.name },
    input: row.input,
    inputNote: row.inputNote,
    output: row.output,
    error: row.error,
    timeoutSeconds: row.timeoutSeconds,
    attempt: row.attempt,
    maxAttempts: row.maxAttempts,
    attemptLog: attemptLogOf(row.attemptLog),
  };
}
