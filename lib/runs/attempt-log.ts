import { z } from 'zod';
import { isoTimeSchema } from '@/lib/validation/iso-time';

// A run's attempt history (the attemptLog column): one entry per ended attempt and per replay.

export const attemptEntrySchema = z
  .object({
    attempt: z.number().int(),
    at: isoTimeSchema.describe('When the attempt ended (or the replay happened).'),
    outcome: z.string().describe('The status the attempt left the run in: QUEUED (to be retried), SUCCEEDED, FAILED, DEAD, …, or REPLAYED.'),
    error: z.string().optional(),
    by: z.string().optional().describe('Who replayed it (username; REPLAYED entries).'),
    durationMs: z.number().int().optional(),
  })
  .meta({ id: 'AttemptEntry' });

export type AttemptEntry = z.infer<typeof attemptEntrySchema>;

/** The entries of an attemptLog column (a JSON array written by the executor and replays). */
export function attemptLogOf(json: unknown): AttemptEntry[] {
  return Array.isArray(json) ? (json as AttemptEntry[]) : [];
}
